package io.newsroom.cms.gateway.rest;

import io.netty.buffer.Unpooled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * A public answer exactly as it goes out (status, headers in order, body), made once by {@link PublicReplies} and sent
 * either by a REST endpoint ({@link #toResponse()}) or straight from the router ({@link #send}), so both send the same.
 */
public record PublicReply(int status, List<String> headers, byte[] body) {
    /** {@code headers}: name, value, name, value, ... */
    public PublicReply {
        if (headers.size() % 2 != 0) {
            throw new IllegalArgumentException("headers come in name/value pairs");
        }
    }

    public Response toResponse() {
        Response.ResponseBuilder response = Response.status(status);
        for (int i = 0; i < headers.size(); i += 2) {
            if (headers.get(i).equals("Content-Type")) {
                response.type(headers.get(i + 1)); // the REST layer's own notion of the type, over the method's @Produces
            } else {
                response.header(headers.get(i), headers.get(i + 1));
            }
        }
        return body.length == 0 ? response.build() : response.entity(body).build();
    }

    /** Sends the reply once it is made (a problem when making it failed), unless the reader has gone meanwhile. */
    public static void sendWhenMade(Uni<PublicReply> reply, RoutingContext ctx) {
        reply.subscribe().with(made -> {
            if (!ctx.response().ended() && !ctx.response().closed()) {
                made.send(ctx.response());
            }
        }, ctx::fail);
    }

    public void send(HttpServerResponse response) {
        for (int i = 0; i < headers.size(); i += 2) {
            response.putHeader(headers.get(i), headers.get(i + 1));
        }
        response.setStatusCode(status);
        if (body.length == 0) {
            response.end();
        } else {
            response.end(Buffer.buffer(Unpooled.wrappedBuffer(body))); // the cached bytes as they are: no copy a request
        }
    }
}
