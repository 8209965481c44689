package dev.residency.inventory;

import com.google.common.collect.ImmutableMap;
import dev.residency.data.Category;
import dev.residency.plan.PlanFixtures;
import dev.residency.topology.Topology;

/** A two-site fleet and two categories shared by the inventory tests (core test-jar). */
public final class InventoryFixtures {

    /** Sites "va" (US, index 0) and "sg" (SG, index 1), linked. */
    public static final Topology TOPOLOGY = Topology.builder()
            .site(PlanFixtures.site("va", "US", 1L << 50))
            .site(PlanFixtures.site("sg", "SG", 1L << 50))
            .link(PlanFixtures.link("va", "sg", 1e9, 0.02))
            .build();

    /** The categories "profile" and "videos" (built-in). */
    public static final ImmutableMap<String, Category> CATEGORIES =
            ImmutableMap.of("profile", Category.PROFILE, "videos", Category.VIDEOS);

    private InventoryFixtures() {}
}
