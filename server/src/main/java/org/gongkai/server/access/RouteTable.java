package org.gongkai.server.access;

import io.javalin.event.HandlerMetaInfo;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Every HTTP route the server registers, with who may call it. Registering a route that declares nobody
 * throws at once, so a server with an undeclared route never starts (default deny); the list serves the
 * route × role matrix test and the README's table.
 */
public final class RouteTable {
    private static final Set<HandlerType> ENDPOINTS = Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH,
            HandlerType.DELETE, HandlerType.HEAD, HandlerType.OPTIONS);
    private final List<Route> routes = Collections.synchronizedList(new ArrayList<>());

    /** One registered route. */
    public record Route(String method, String path, Set<RouteRole> access) {
    }

    /** Called by Javalin for every handler added ({@code config.events.handlerAdded}). */
    public void added(HandlerMetaInfo h) {
        if (!ENDPOINTS.contains(h.getHttpMethod())) {
            return;
        }
        Set<RouteRole> roles = h.getRoles();
        if (roles == null || roles.isEmpty() || roles.stream().noneMatch(r -> r instanceof RouteAccess)) {
            throw new IllegalStateException("路由未声明访问权限，拒绝启动 / route " + h.getHttpMethod() + " " + h.getPath()
                    + " declares no access (RouteAccess); every route must say who may call it");
        }
        routes.add(new Route(h.getHttpMethod().name(), h.getPath(), Set.copyOf(roles)));
    }

    public List<Route> routes() {
        synchronized (routes) {
            return List.copyOf(routes);
        }
    }
}
