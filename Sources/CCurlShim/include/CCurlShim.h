#ifndef GREENLIGHT_CCURL_SHIM_H
#define GREENLIGHT_CCURL_SHIM_H

/*
 * Typed wrappers for libcurl's variadic calls, which Swift cannot call directly. Each wrapper
 * passes exactly one argument of the type the option documents.
 */
#include <curl/curl.h>

typedef size_t (*greenlight_curl_data_callback)(char *data, size_t size, size_t count, void *userdata);

CURLcode greenlight_easy_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode greenlight_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value);
CURLcode greenlight_easy_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode greenlight_easy_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode greenlight_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value);
CURLcode greenlight_easy_setopt_callback(CURL *handle, CURLoption option, greenlight_curl_data_callback value);

CURLcode greenlight_easy_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode greenlight_easy_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value);
CURLcode greenlight_easy_getinfo_string(CURL *handle, CURLINFO info, char **value);
CURLcode greenlight_easy_getinfo_pointer(CURL *handle, CURLINFO info, void **value);
CURLcode greenlight_easy_getinfo_certinfo(CURL *handle, struct curl_certinfo **value);

/* Only http and https, for the request and any redirect (CURLOPT_PROTOCOLS_STR where the
 * library has it, the older bit mask otherwise). */
CURLcode greenlight_easy_restrict_to_http(CURL *handle);

CURLMcode greenlight_multi_setopt_long(CURLM *multi, CURLMoption option, long value);

/* Fields of a finished-transfer message, which Swift cannot read through the union. */
CURL *greenlight_multi_message_handle(const CURLMsg *message);
int greenlight_multi_message_is_done(const CURLMsg *message);
CURLcode greenlight_multi_message_result(const CURLMsg *message);

#endif
