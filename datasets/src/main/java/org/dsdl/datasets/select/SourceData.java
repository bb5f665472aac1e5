package org.dsdl.datasets.select;

import java.util.List;
import java.util.Map;
import org.dsdl.api.data.ImageShape;
import org.dsdl.api.data.Split;

/**
 * A dataset as read from its files, before selection: every class, every exemplar, pixels in [0, 1].
 *
 * @param classNames the source's class names, index = source label
 * @param shape the images' shape as stored
 * @param train the training exemplars
 * @param test the held-out exemplars
 * @param provenance where it came from (paths, counts)
 */
public record SourceData(List<String> classNames, ImageShape shape, Split train, Split test, Map<String, Object> provenance) {}
