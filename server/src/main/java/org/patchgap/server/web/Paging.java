package org.patchgap.server.web;

/** Page parameters: pages count from 0; a page holds 1 to 1,000 items. */
final class Paging {

    static final int MAX_SIZE = 1000;

    private Paging() {}

    static void check(int page, int size) {
        if (page < 0) throw ApiException.badRequest("page must be 0 or more");
        if (size < 1 || size > MAX_SIZE) throw ApiException.badRequest("size must be 1 to " + MAX_SIZE);
        if ((long) page * size > Integer.MAX_VALUE) throw ApiException.badRequest("page is too far");
    }
}
