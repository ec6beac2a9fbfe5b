package dev.rollgate.outbox;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A service's own row, to show that it commits or rolls back together with the events. */
@Entity
@Table(name = "test_note")
public class TestNote {

    @Id
    public String id;

    public String text;

    public TestNote() {
    }

    TestNote(String id, String text) {
        this.id = id;
        this.text = text;
    }
}
