package dev.rollgate.release.persistence;

import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;

/** The member table, written and read in bulk: a call may carry 100,000 ids. */
public final class WhitelistMembers {

    private WhitelistMembers() {
    }

    /** @return how many of the ids were new */
    public static Uni<Integer> insert(Mutiny.Session session, String whitelistId, List<String> ids) {
        return session.createNativeQuery("INSERT INTO whitelist_member (whitelist_id, member_id) "
                        + "SELECT :whitelist, member FROM unnest(CAST(:ids AS text[])) AS member ON CONFLICT DO NOTHING")
                .setParameter("whitelist", whitelistId)
                .setParameter("ids", ids.toArray(String[]::new))
                .executeUpdate();
    }

    /** @return how many of the ids were members */
    public static Uni<Integer> delete(Mutiny.Session session, String whitelistId, List<String> ids) {
        return session.createNativeQuery("DELETE FROM whitelist_member WHERE whitelist_id = :whitelist "
                        + "AND member_id = ANY(CAST(:ids AS text[]))")
                .setParameter("whitelist", whitelistId)
                .setParameter("ids", ids.toArray(String[]::new))
                .executeUpdate();
    }

    public static Uni<Integer> deleteAll(Mutiny.Session session, String whitelistId) {
        return session.createNativeQuery("DELETE FROM whitelist_member WHERE whitelist_id = :whitelist")
                .setParameter("whitelist", whitelistId)
                .executeUpdate();
    }

    /** The ids among {@code ids} that are members now. */
    public static Uni<List<String>> present(Mutiny.Session session, String whitelistId, List<String> ids) {
        return session.createNativeQuery("SELECT member_id FROM whitelist_member WHERE whitelist_id = :whitelist "
                        + "AND member_id = ANY(CAST(:ids AS text[]))", String.class)
                .setParameter("whitelist", whitelistId)
                .setParameter("ids", ids.toArray(String[]::new))
                .getResultList();
    }

    /** Up to {@code size} ids after {@code after} (exclusive; null for the first page), in id order. */
    public static Uni<List<String>> page(Mutiny.Session session, String whitelistId, String after, int size) {
        return session.createNativeQuery("SELECT member_id FROM whitelist_member WHERE whitelist_id = :whitelist "
                        + "AND member_id > :after ORDER BY member_id LIMIT :size", String.class)
                .setParameter("whitelist", whitelistId)
                .setParameter("after", after == null ? "" : after)
                .setParameter("size", size)
                .getResultList();
    }
}
