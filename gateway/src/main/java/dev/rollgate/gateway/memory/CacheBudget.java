package dev.rollgate.gateway.memory;

/**
 * How many bytes of heap the gateway's caches may take together, from {@code CACHE_BUDGET}: a share of the
 * maximum heap ({@code 30%}), so that one setting fits every pod size, or a size ({@code 256M}, {@code 1G}).
 */
public final class CacheBudget {

    private CacheBudget() {
    }

    public static long bytes(String setting, long maxHeap) {
        String text = setting.strip().toUpperCase(java.util.Locale.ROOT);
        try {
            if (text.endsWith("%")) {
                double share = Double.parseDouble(text.substring(0, text.length() - 1)) / 100;
                if (share <= 0 || share > 0.9) {
                    throw new IllegalArgumentException("a share of the heap from above 0% to 90%");
                }
                return (long) (maxHeap * share);
            }
            long unit = switch (text.charAt(text.length() - 1)) {
                case 'K' -> 1L << 10;
                case 'M' -> 1L << 20;
                case 'G' -> 1L << 30;
                default -> 1;
            };
            String number = unit == 1 ? text : text.substring(0, text.length() - 1);
            long bytes = Long.parseLong(number) * unit;
            if (bytes <= 0) {
                throw new IllegalArgumentException("a positive size");
            }
            return bytes;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("CACHE_BUDGET '" + setting + "' is not a share of the heap (30%) or a "
                    + "size (256M): " + e.getMessage(), e);
        }
    }
}
