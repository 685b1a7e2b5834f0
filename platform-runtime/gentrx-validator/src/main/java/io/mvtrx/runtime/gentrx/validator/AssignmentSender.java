package io.mvtrx.runtime.gentrx.validator;

import java.util.Map;

import io.mvtrx.api.gentrx.TrainingAssignment;

/** Delivers a round's assignments to the miners over the subnet wire, each miner its own, signed. */
@FunctionalInterface
public interface AssignmentSender {

    /** Sends every assignment; returns the uids that acknowledged theirs. */
    java.util.Set<Integer> deliver(Map<Integer, TrainingAssignment> assignments);
}
