package dev.residency.benchmarks.engine;

import dev.residency.sim.engine.EventList;
import dev.residency.sim.engine.SimClock;
import dev.residency.sim.engine.Simulator;
import java.time.Instant;
import java.util.PriorityQueue;
import org.cloudsimplus.core.SimEntity;
import org.cloudsimplus.core.events.CloudSimEvent;
import org.cloudsimplus.core.events.FutureQueue;
import org.cloudsimplus.core.events.SimEvent;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.eventlist.BinaryTree;
import umontreal.ssj.simevents.eventlist.Henriksen;
import umontreal.ssj.simevents.eventlist.RedblackTree;
import umontreal.ssj.simevents.eventlist.SplayTree;

/** The {@link HoldQueue} adapters compared by {@link HoldModelBenchmark}, by name. */
final class HoldQueues {

    private HoldQueues() {}

    /** Returns the adapter named {@code name}. */
    static HoldQueue create(String name) {
        return switch (name) {
            case "residency" -> new Residency();
            case "residencySimulator" -> new ResidencySimulator();
            case "priorityQueue" -> new JdkPriorityQueue();
            case "ssjSplayTree" -> new Ssj(new SplayTree());
            case "ssjBinaryTree" -> new Ssj(new BinaryTree());
            case "ssjRedblackTree" -> new Ssj(new RedblackTree());
            case "ssjHenriksen" -> new Ssj(new Henriksen());
            case "cloudsimFutureQueue" -> new CloudSim();
            default -> throw new IllegalArgumentException("unknown queue \"" + name + "\"");
        };
    }

    /** Our {@link EventList}, one shared payload (as a simulation reusing its event records). */
    static final class Residency implements HoldQueue {
        private static final Object PAYLOAD = new Object();
        private final EventList<Object> list = new EventList<>();

        @Override
        public void add(double time) {
            list.schedule(time, PAYLOAD);
        }

        @Override
        public double hold(double increment) {
            double time = list.peekTime();
            Object payload = list.poll();
            list.schedule(time + increment, payload);
            return time;
        }
    }

    /**
     * Our whole {@link Simulator}: the handler reschedules each event; measures the kernel's
     * dispatch on top of the list.
     */
    static final class ResidencySimulator implements HoldQueue {
        private double nextIncrement;
        private final Simulator<Object> simulator =
                new Simulator<>(SimClock.startingAt(Instant.EPOCH), (sim, event) -> sim.schedule(nextIncrement, event));
        private static final Object EVENT = new Object();

        @Override
        public void add(double time) {
            simulator.scheduleAt(time, EVENT);
        }

        @Override
        public double hold(double increment) {
            nextIncrement = increment;
            simulator.step();
            return simulator.now();
        }
    }

    /** {@link PriorityQueue} of small comparable entries, reused (the strongest fair baseline). */
    static final class JdkPriorityQueue implements HoldQueue {
        private final PriorityQueue<Entry> queue = new PriorityQueue<>();
        private long sequence;

        @Override
        public void add(double time) {
            queue.add(new Entry(time, sequence++));
        }

        @Override
        public double hold(double increment) {
            Entry entry = queue.poll();
            double time = entry.time;
            entry.time = time + increment;
            entry.sequence = sequence++;
            queue.add(entry);
            return time;
        }

        /** Time, then insertion order. */
        static final class Entry implements Comparable<Entry> {
            double time;
            long sequence;

            Entry(double time, long sequence) {
                this.time = time;
                this.sequence = sequence;
            }

            @Override
            public int compareTo(Entry other) {
                int byTime = Double.compare(time, other.time);
                return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
            }
        }
    }

    /** An SSJ 3.3.2 event list with reused events, as SSJ's own {@code Event.schedule} adds them. */
    static final class Ssj implements HoldQueue {
        private final umontreal.ssj.simevents.eventlist.EventList list;
        private final umontreal.ssj.simevents.Simulator simulator = new umontreal.ssj.simevents.Simulator();

        Ssj(umontreal.ssj.simevents.eventlist.EventList list) {
            this.list = list;
        }

        @Override
        public void add(double time) {
            HoldEvent event = new HoldEvent(simulator);
            event.at(time);
            list.add(event);
        }

        @Override
        public double hold(double increment) {
            HoldEvent event = (HoldEvent) list.removeFirst();
            double time = event.time();
            event.at(time + increment);
            list.add(event);
            return time;
        }

        /** An event that does nothing; {@link #at} sets its time as SSJ's scheduling does. */
        static final class HoldEvent extends Event {
            HoldEvent(umontreal.ssj.simevents.Simulator simulator) {
                super(simulator);
            }

            void at(double time) {
                eventTime = time;
            }

            @Override
            public void actions() {}
        }
    }

    /**
     * CloudSim Plus 8.5.7's {@link FutureQueue} (a {@code TreeSet} of {@link CloudSimEvent}s):
     * {@code first()} and {@code remove} as its kernel takes the next event, then a new event, as
     * CloudSim Plus events are immutable in time. The null entity's simulation clock is zero, so the
     * delay argument is the absolute time.
     */
    static final class CloudSim implements HoldQueue {
        private final FutureQueue queue = new FutureQueue();

        @Override
        public void add(double time) {
            queue.addEvent(new CloudSimEvent(time, SimEntity.NULL, 0));
        }

        @Override
        public double hold(double increment) {
            SimEvent first = queue.first();
            queue.remove(first);
            double time = first.getTime();
            queue.addEvent(new CloudSimEvent(time + increment, SimEntity.NULL, 0));
            return time;
        }
    }
}
