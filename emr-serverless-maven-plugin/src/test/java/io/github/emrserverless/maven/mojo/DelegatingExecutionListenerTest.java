package io.github.emrserverless.maven.mojo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.Mockito.mock;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.maven.execution.ExecutionEvent;
import org.apache.maven.execution.ExecutionListener;
import org.junit.jupiter.api.Test;

class DelegatingExecutionListenerTest {

    static final List<Method> EVENTS = Arrays.stream(ExecutionListener.class.getMethods())
            .filter(m -> m.getParameterCount() == 1 && m.getParameterTypes()[0] == ExecutionEvent.class)
            .toList();

    @Test
    void everyEventReachesTheListenerThatWasThereBefore() throws Exception {
        List<String> received = new ArrayList<>();
        ExecutionListener before = (ExecutionListener) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ExecutionListener.class}, (proxy, method, args) -> {
                    received.add(method.getName());
                    return null;
                });
        DelegatingExecutionListener listener = new DelegatingExecutionListener(before);
        ExecutionEvent event = mock(ExecutionEvent.class);

        for (Method method : EVENTS) {
            method.invoke(listener, event);
        }

        assertThat(EVENTS).hasSizeGreaterThanOrEqualTo(17);
        assertThat(received)
                .containsExactlyElementsOf(EVENTS.stream().map(Method::getName).toList());
    }

    @Test
    void withoutAnEarlierListenerEveryEventIsFine() {
        DelegatingExecutionListener listener = new DelegatingExecutionListener(null);
        ExecutionEvent event = mock(ExecutionEvent.class);
        for (Method method : EVENTS) {
            assertThatCode(() -> method.invoke(listener, event)).doesNotThrowAnyException();
        }
    }
}
