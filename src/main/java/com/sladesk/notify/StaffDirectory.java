package com.sladesk.notify;

import java.util.List;

/** The e-mail addresses of the desk's staff, as the user administration (Camunda Admin) keeps them. */
public interface StaffDirectory {

    /** The address of one user (none when unknown or without an address). */
    List<String> userEmails(String userId);

    /** The addresses of a group's members that have one. */
    List<String> groupEmails(String groupId);
}
