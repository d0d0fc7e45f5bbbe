-- A web form post names an e-mail address nobody has proven yet: its request runs on the default tier until the
-- sender confirms the address. Web form posts are also limited per client address.
alter table service_request add column sender_verified boolean default true not null;
alter table inbound_event add column client_address varchar(64);
create index ix_inbound_event_client on inbound_event (channel, client_address, received_at);
