package io.github.emrserverless.core.reuse;

/**
 * How start-session reuses: the slot whose client tokens it sends, and the check a found or joined session must
 * pass.
 */
public record ReusePlan(ReuseSlot slot, ReuseCheck check) {

    public String key() {
        return slot.key();
    }
}
