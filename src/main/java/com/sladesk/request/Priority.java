package com.sladesk.request;

/** Priority decided by the RequestPriority decision, with the Tasklist task priority it starts at. */
public enum Priority {
    URGENT(80), HIGH(60), NORMAL(50), LOW(30);

    private final int taskPriority;

    Priority(int taskPriority) {
        this.taskPriority = taskPriority;
    }

    public int taskPriority() {
        return taskPriority;
    }
}
