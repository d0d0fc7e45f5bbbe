package com.sladesk.request;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface RequestMessageRepository extends JpaRepository<RequestMessage, Long> {

    @Query("select m from RequestMessage m where m.requestId = ?1 order by m.createdAt, m.id")
    List<RequestMessage> findByRequestIdOrderByCreatedAtAscIdAsc(long requestId);

    /** The customer's latest words: a message from the customer, or one an agent recorded on the customer's behalf. */
    default Optional<RequestMessage> latestCustomersWords(long requestId) {
        return findByRequestIdAndAuthorOrRequestIdAndOnBehalfOfCustomerTrueOrderByIdDesc(requestId,
                RequestMessage.Author.CUSTOMER, requestId, Limit.of(1)).stream().findFirst();
    }

    List<RequestMessage> findByRequestIdAndAuthorOrRequestIdAndOnBehalfOfCustomerTrueOrderByIdDesc(long requestId,
            RequestMessage.Author author, long sameRequestId, Limit limit);

    @Query("select m from RequestMessage m where m.requestId = ?1 and m.externalId = ?2")
    Optional<RequestMessage> findByRequestIdAndExternalId(long requestId, String externalId);
}
