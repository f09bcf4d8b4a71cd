package org.benchtarget.core.wall;

import gg.jte.TemplateEngine;
import org.benchtarget.core.web.Header;
import org.benchtarget.core.web.Pages;
import org.benchtarget.core.web.WebResult;
import org.benchtarget.db.ItemMarkup;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a wall for one viewer: times in the viewer's zone, a remove control on the items the
 * viewer sent or, on their own wall, on every item. Items without stored HTML (naive mode) are
 * filtered here, on every request, as seed 002's templates did. Thread-safe.
 */
final class WallView {
    /** Personalised pages: never stored by a shared cache. */
    private static final List<Header> PRIVATE = List.of(new Header("Cache-Control", "private, no-cache"));

    private final TemplateEngine templates;
    private final LocalTimes localTimes = new LocalTimes();

    WallView(TemplateEngine templates) {
        this.templates = templates;
    }

    WebResult wall(WallQueries.Viewer viewer, WallQueries.Wall wall, List<WallQueries.Item> items, String csrf) {
        boolean owns = viewer.id() == wall.ownerId();
        var entries = new ArrayList<WallPage.Entry>(items.size());
        for (var item : items) {
            var html = item.bodyHtml() != null ? item.bodyHtml() : new SafeHtml(ItemMarkup.toHtml(item.body()));
            var media = new ArrayList<WallPage.Attachment>(item.media().size());
            for (var medium : item.media()) {
                media.add(new WallPage.Attachment(medium.kind(), medium.url(), medium.caption()));
            }
            entries.add(new WallPage.Entry(item.id(), item.senderName(), item.sentAt().toString(),
                    localTimes.format(item.sentAt(), viewer.zone()), html, media, owns || item.senderId() == viewer.id()));
        }
        return render("wall/wall.jte", new WallPage(wall.id(), wall.title(), viewer.displayName(), owns, csrf, entries));
    }

    WebResult mine(WallQueries.Viewer viewer, List<WallQueries.WallLink> walls, String csrf) {
        var links = walls.stream().map(link -> new MyWalls.Link(link.id(), link.title())).toList();
        return render("wall/mine.jte", new MyWalls(viewer.displayName(), csrf, links));
    }

    private WebResult render(String template, Object model) {
        return new WebResult(200, WebResult.HTML, PRIVATE, Pages.render(templates, template, model));
    }
}
