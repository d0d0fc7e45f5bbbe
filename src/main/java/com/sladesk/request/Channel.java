package com.sladesk.request;

/** The channel a request arrived on. */
public enum Channel {
    PHONE, EMAIL, WEB, CHAT, SOCIAL, WECHAT, APP, API
}
