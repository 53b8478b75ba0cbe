package io.github.emrserverless.junit5;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Puts the session's token on every call, read from its file each time: the plugin's renewer (or the extension's own)
 * replaces the file before the token expires, and a SparkSession opened before a renewal must send the new one.
 * EMR Serverless reads it from {@code x-aws-proxy-auth}; a local server takes the bearer form.
 *
 * <p>The client's gRPC is shaded under a package of its generation's own ({@link SparkClient}), so the interceptor
 * is a proxy of the client's {@code ClientInterceptor} interface: for each call it puts the header into that gRPC's
 * {@code Metadata} and lets its own {@code MetadataUtils.newAttachHeadersInterceptor} attach it.
 */
final class TokenInterceptor implements InvocationHandler {

    static final String PROXY_AUTH = "x-aws-proxy-auth";
    static final String AUTHORIZATION = "authorization";

    private final Path tokenFile;
    private final boolean bearer;
    private final Class<?> metadata;
    private final Object key;
    private final Method put;
    private final Method attach;

    private TokenInterceptor(Class<?> interceptorType, Path tokenFile, boolean bearer)
            throws ReflectiveOperationException {
        this.tokenFile = tokenFile;
        this.bearer = bearer;
        String grpc = interceptorType.getPackageName();
        ClassLoader loader = interceptorType.getClassLoader();
        this.metadata = Class.forName(grpc + ".Metadata", true, loader);
        Class<?> keyType = Class.forName(grpc + ".Metadata$Key", true, loader);
        Class<?> marshaller = Class.forName(grpc + ".Metadata$AsciiMarshaller", true, loader);
        this.key = keyType.getMethod("of", String.class, marshaller)
                .invoke(
                        null,
                        bearer ? AUTHORIZATION : PROXY_AUTH,
                        metadata.getField("ASCII_STRING_MARSHALLER").get(null));
        this.put = metadata.getMethod("put", keyType, Object.class);
        this.attach = Class.forName(grpc + ".stub.MetadataUtils", true, loader)
                .getMethod("newAttachHeadersInterceptor", metadata);
    }

    /** An instance of {@code interceptorType}, the client's shaded {@code io.grpc.ClientInterceptor}. */
    static Object of(Class<?> interceptorType, Path tokenFile, boolean bearer) throws ReflectiveOperationException {
        return Proxy.newProxyInstance(
                interceptorType.getClassLoader(),
                new Class<?>[] {interceptorType},
                new TokenInterceptor(interceptorType, tokenFile, bearer));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "interceptCall":
                Object headers = metadata.getConstructor().newInstance();
                put.invoke(headers, key, bearer ? "Bearer " + token() : token());
                Object attaching = attach.invoke(null, headers);
                try {
                    return method.invoke(attaching, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            case "toString":
                return "TokenInterceptor[" + (bearer ? AUTHORIZATION : PROXY_AUTH) + " from " + tokenFile + "]";
            default:
                throw new UnsupportedOperationException(method.toString());
        }
    }

    /** The current token: the renewer replaces the file atomically, so a read sees the old token or the new one. */
    String token() {
        try {
            return Files.readString(tokenFile).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read the session's token from " + tokenFile + ": " + e.getMessage(), e);
        }
    }
}
