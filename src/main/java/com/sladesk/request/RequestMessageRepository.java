package com.sladesk.request;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RequestMessageRepository extends JpaRepository<RequestMessage, Long> {

    List<RequestMessage> findByRequestIdOrderByCreatedAtAscIdAsc(long requestId);

    Optional<RequestMessage> findFirstByRequestIdAndAuthorOrderByIdDesc(long requestId, RequestMessage.Author author);

    Optional<RequestMessage> findByRequestIdAndExternalId(long requestId, String externalId);
}
