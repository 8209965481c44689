package dev.residency.data;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.residency.units.DataSize;

/**
 * One category's part of a synthetic population: how often a record is of this category, and how
 * large such records are (log-normal, given by its median and the standard deviation of the
 * logarithm).
 *
 * @param category the category
 * @param weight relative frequency among records, positive (weights need not sum to 1)
 * @param medianSize median record size, positive
 * @param sigma standard deviation of the natural logarithm of the size, not negative (0 makes every
 *     record exactly the median)
 */
public record CategoryShare(Category category, double weight, DataSize medianSize, double sigma) {

    /**
     * Creates a share.
     *
     * @throws IllegalArgumentException if a number is out of range; the message names the category
     */
    public CategoryShare {
        checkNotNull(category, "category");
        checkNotNull(medianSize, "medianSize");
        checkArgument(
                Double.isFinite(weight) && weight > 0,
                "category %s: weight must be positive, was %s",
                category,
                weight);
        checkArgument(
                medianSize.bytes() > 0, "category %s: median size must be positive, was %s", category, medianSize);
        checkArgument(
                Double.isFinite(sigma) && sigma >= 0,
                "category %s: sigma must not be negative, was %s",
                category,
                sigma);
    }
}
