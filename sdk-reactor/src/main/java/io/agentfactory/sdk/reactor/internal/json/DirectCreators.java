package io.agentfactory.sdk.reactor.internal.json;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;

import tools.jackson.core.JacksonException;
import tools.jackson.core.Version;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.std.StdValueInstantiator;
import tools.jackson.databind.introspect.AnnotatedConstructor;

/**
 * Creates records (and other values built through a constructor taking their properties) with one
 * method handle per type, spread once when the deserializer is built. Jackson 3.1 calls such a
 * constructor through {@code MethodHandle.invokeWithArguments}, which builds a spreader on every
 * call: about a tenth of the allocation and of the CPU of decoding a list of records. What is
 * created, and every error, is the same: an exception from the constructor is reported as Jackson
 * reports it. A constructor the handle cannot reach keeps Jackson's own instantiator. Not API.
 */
final class DirectCreators extends JacksonModule {

    @Override
    public String getModuleName() {
        return "agentfactory-direct-creators";
    }

    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    @Override
    public void setupModule(SetupContext context) {
        context.addValueInstantiators(new Instantiators());
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable t) throws E {
        throw (E) t;
    }

    /** Replaces Jackson's standard instantiator when its creator is a constructor the handle can call. */
    private static final class Instantiators implements ValueInstantiators {

        @Override
        public ValueInstantiator findValueInstantiator(DeserializationConfig config,
                BeanDescription.Supplier beanDescRef) {
            return null;
        }

        @Override
        public ValueInstantiator modifyValueInstantiator(DeserializationConfig config,
                BeanDescription.Supplier beanDescRef, ValueInstantiator defaultInstantiator) {
            if (defaultInstantiator.getClass() != StdValueInstantiator.class
                    || !defaultInstantiator.canCreateFromObjectWith()
                    || !(defaultInstantiator.getWithArgsCreator() instanceof AnnotatedConstructor creator)) {
                return defaultInstantiator;
            }
            MethodHandle handle = spreading(creator.getAnnotated());
            return handle == null ? defaultInstantiator
                    : new Direct((StdValueInstantiator) defaultInstantiator, handle);
        }

        /** {@code (Object[]) -> Object} calling {@code constructor}, or {@code null} when it cannot be reached. */
        private static MethodHandle spreading(Constructor<?> constructor) {
            try {
                int arity = constructor.getParameterCount();
                return MethodHandles.lookup().unreflectConstructor(constructor)
                        .asSpreader(Object[].class, arity)
                        .asType(MethodType.methodType(Object.class, Object[].class));
            }
            catch (IllegalAccessException | RuntimeException e) {
                return null;
            }
        }
    }

    /** Jackson's standard instantiator, creating from properties through the spread handle. */
    private static final class Direct extends StdValueInstantiator {

        private static final long serialVersionUID = 1L;

        private final transient MethodHandle creator;

        Direct(StdValueInstantiator standard, MethodHandle creator) {
            super(standard);
            this.creator = creator;
        }

        @Override
        public Object createFromObjectWith(DeserializationContext ctxt, Object[] args) throws JacksonException {
            try {
                return (Object) creator.invokeExact(args);
            }
            catch (Exception e) {
                return ctxt.handleInstantiationProblem(getValueClass(), args, rewrapCtorProblem(ctxt, e));
            }
            catch (Throwable t) {
                // An Error, or a checked Throwable sneaked out of a constructor: as Jackson, let it through.
                throw DirectCreators.<RuntimeException>sneaky(t);
            }
        }
    }
}
