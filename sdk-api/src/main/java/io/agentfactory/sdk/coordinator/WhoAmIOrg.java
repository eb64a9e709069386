package io.agentfactory.sdk.coordinator;

import io.agentfactory.sdk.internal.Copies;

/**
 * WhoAmIOrg is the organization details from whoami.
 *
 * @param id the {@code id} field
 * @param name the {@code name} field
 * @param slug the {@code slug} field
 * @param plan the {@code plan} field
 */
public record WhoAmIOrg(
        String id,
        String name,
        String slug,
        String plan) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public WhoAmIOrg {
        id = Copies.text(id);
        name = Copies.text(name);
        slug = Copies.text(slug);
        plan = Copies.text(plan);
    }

    /** The value with every field absent: what the server means when it omits the object. */
    public static WhoAmIOrg empty() {
        return new WhoAmIOrg("", "", "", "");
    }
}
