package org.patchgap.core.match;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.patchgap.core.model.Component;

/**
 * The one upgrade that removes every finding of a vulnerable component, e.g. {@code log4j-core 2.14.1 -> 2.17.1}.
 *
 * @param target           the target the component belongs to
 * @param component        the vulnerable component
 * @param toVersion        the lowest version named as a fix that none of the component's fixable vulnerabilities
 *                         affects (preferring one that no known vulnerability of the package affects), or null
 *                         when no fix is published for any of them, or no single published fix removes them all
 * @param vulnerabilityIds the ids of all the component's findings
 * @param unfixed          ids of those for which no fix is published at all: the upgrade does not remove them
 */
public record Upgrade(
        String target,
        Component component,
        @Nullable String toVersion,
        List<String> vulnerabilityIds,
        List<String> unfixed) {

    public Upgrade {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(component, "component");
        vulnerabilityIds = List.copyOf(vulnerabilityIds);
        unfixed = List.copyOf(unfixed);
    }
}
