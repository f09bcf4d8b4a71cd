package org.benchtarget.core.wall;

import java.util.List;

/** The model of {@code wall/mine.jte}: the signed-in home page. Public only because templates read it. */
public record MyWalls(String viewerName, String csrf, List<Link> walls) {

    public record Link(int id, String title) {
    }
}
