package com.sladesk.channel;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import com.sladesk.request.Channel;

interface InboundEventRepository extends JpaRepository<InboundEvent, Long> {

    Optional<InboundEvent> findByChannelAndEventId(Channel channel, String eventId);

    /** Posts from one client address since an instant: the web form's limit per client. */
    long countByChannelAndClientAddressAndReceivedAtAfter(Channel channel, String clientAddress, Instant after);

    Optional<InboundEvent> findFirstByChannelAndConversationIdOrderByIdDesc(Channel channel, String conversationId);

    Optional<InboundEvent> findFirstByChannelAndEventIdIn(Channel channel, Collection<String> eventIds);
}
