package org.benchtarget.core.wall;

import java.util.List;

/**
 * The model of {@code wall/wall.jte}: one wall as one viewer sees it (times in their zone, remove
 * controls where they may remove). Public only because templates read it; bodyHtml is safe HTML.
 */
public record WallPage(int wallId, String title, String viewerName, boolean viewerOwns, String csrf, List<Entry> items) {

    public record Entry(long id, String sender, String isoTime, String localTime, SafeHtml bodyHtml, List<Attachment> media,
                        boolean removable) {
    }

    public record Attachment(String kind, String url, String caption) {
    }
}
