package dev.residency.topology;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.residency.geo.Jurisdiction;
import dev.residency.units.Bandwidth;
import dev.residency.units.DataSize;
import java.util.regex.Pattern;

/**
 * A data center (a server location): where it is, whose servers they are, how much it can store and
 * how fast it can take data in and send data out.
 *
 * @param id a unique id such as "va-ashburn" (letters, digits, '.', '_' and '-')
 * @param jurisdiction the country the site is in
 * @param operator whose servers these are, such as "ByteDance", "Microsoft Azure" or "Oracle"
 * @param storage total storage capacity, positive
 * @param ingest the most the site can write from the network, positive
 * @param egress the most the site can read out to the network, positive
 */
public record DataCenter(
        String id, Jurisdiction jurisdiction, String operator, DataSize storage, Bandwidth ingest, Bandwidth egress) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /**
     * Creates a data center.
     *
     * @throws IllegalArgumentException if the id is malformed, the operator blank, or a capacity not
     *     positive; the message names the site and the value
     */
    public DataCenter {
        checkNotNull(id, "id");
        checkNotNull(jurisdiction, "jurisdiction");
        checkNotNull(operator, "operator");
        checkNotNull(storage, "storage");
        checkNotNull(ingest, "ingest");
        checkNotNull(egress, "egress");
        checkArgument(
                ID.matcher(id).matches(),
                "data center id \"%s\" must start with a letter or digit and use only letters, digits, '.', '_' and"
                        + " '-'",
                id);
        checkArgument(!operator.isBlank(), "data center %s: operator must not be blank", id);
        checkArgument(storage.bytes() > 0, "data center %s: storage must be positive, was %s", id, storage);
        checkArgument(ingest.bytesPerSecond() > 0, "data center %s: ingest must be positive, was %s", id, ingest);
        checkArgument(egress.bytesPerSecond() > 0, "data center %s: egress must be positive, was %s", id, egress);
    }
}
