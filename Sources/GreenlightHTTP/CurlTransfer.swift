import CCurl
import CCurlShim
import Foundation

/// libcurl, initialised once per process.
enum Curl {
    static let ready: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

    static let userAgent = "greenlight-probe"
}

/// One hop of an exchange on one easy handle: the handle, its header list and error buffer,
/// and what the callbacks collect. The callbacks capture nothing; libcurl hands them this
/// object back through their `void*` user data, and the client keeps it alive while the
/// handle is in the multi handle.
final class CurlTransfer {
    static let maxHeaderBytes = 64 * 1024
    static let maxHeaderCount = 256

    let handle: UnsafeMutableRawPointer
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private let cap: Int
    private let keepsBody: Bool
    /// Bytes received, kept or not.
    private var received = 0

    private(set) var body: [UInt8] = []
    private(set) var bodyExceededCap = false
    private(set) var headers: [HTTPHeader] = []
    private var headerBytes = 0

    /// Configure a handle for `request` (its method, URL, headers and body as they stand for
    /// this hop), with at most `timeout` seconds left. Nil when libcurl refuses an option.
    init?(_ request: HTTPRequest, timeout: Double) {
        guard Curl.ready, let handle = curl_easy_init() else { return nil }
        self.handle = handle
        self.cap = max(0, request.maxBodyBytes)
        self.keepsBody = request.keepsBody
        errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        guard configure(request, timeout: timeout) else { return nil }
    }

    deinit {
        curl_easy_cleanup(handle)
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    private func configure(_ request: HTTPRequest, timeout: Double) -> Bool {
        let me = Unmanaged.passUnretained(self).toOpaque()
        var ok = true
        func check(_ code: CURLcode) { if code != CURLE_OK { ok = false } }

        check(greenlight_easy_setopt_string(handle, CURLOPT_URL, request.url))
        check(greenlight_easy_restrict_to_http(handle))
        check(greenlight_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
        check(greenlight_easy_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0))
        check(greenlight_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, milliseconds(min(request.connectTimeout, timeout))))
        check(greenlight_easy_setopt_long(handle, CURLOPT_TIMEOUT_MS, milliseconds(timeout)))
        check(greenlight_easy_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, request.verifyTLS ? 1 : 0))
        check(greenlight_easy_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, request.verifyTLS ? 2 : 0))
        check(greenlight_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer))
        check(greenlight_easy_setopt_string(handle, CURLOPT_USERAGENT, Curl.userAgent))
        check(greenlight_easy_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, ""))
        if request.wantsCertificate && request.url.lowercased().hasPrefix("https:") {
            check(greenlight_easy_setopt_long(handle, CURLOPT_CERTINFO, 1))
        }

        let method = request.method.uppercased()
        if let body = request.body {
            check(greenlight_easy_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)))
            body.withUnsafeBufferPointer { buffer in
                let bytes = UnsafeMutableRawPointer(mutating: buffer.baseAddress) ?? UnsafeMutableRawPointer(errorBuffer)
                check(greenlight_easy_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, bytes))
            }
            if method != "POST" { check(greenlight_easy_setopt_string(handle, CURLOPT_CUSTOMREQUEST, method)) }
        } else if method == "HEAD" {
            check(greenlight_easy_setopt_long(handle, CURLOPT_NOBODY, 1))
        } else if method != "GET" {
            check(greenlight_easy_setopt_string(handle, CURLOPT_CUSTOMREQUEST, method))
        }

        // No `Expect: 100-continue` round trip; then the probe's own headers.
        headerList = curl_slist_append(headerList, "Expect:")
        for header in request.headers {
            let line = header.value.isEmpty ? "\(header.name);" : "\(header.name): \(header.value)"
            headerList = curl_slist_append(headerList, line)
        }
        check(greenlight_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList))

        check(greenlight_easy_setopt_callback(handle, CURLOPT_WRITEFUNCTION) { data, size, count, user in
            guard let user else { return 0 }
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(user).takeUnretainedValue()
            return transfer.receiveBody(data, size * count)
        })
        check(greenlight_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, me))
        check(greenlight_easy_setopt_callback(handle, CURLOPT_HEADERFUNCTION) { data, size, count, user in
            guard let user else { return 0 }
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(user).takeUnretainedValue()
            return transfer.receiveHeader(data, size * count)
        })
        check(greenlight_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, me))
        return ok
    }

    private func milliseconds(_ seconds: Double) -> Int {
        max(1, Int((seconds * 1000).rounded(.up)))
    }

    /// Keeps up to the cap; past it, returns 0, which makes libcurl stop the transfer.
    private func receiveBody(_ data: UnsafeMutablePointer<CChar>?, _ length: Int) -> Int {
        guard let data, length > 0 else { return length }
        let room = cap - received
        if length > room {
            if room > 0 { append(data, room) }
            bodyExceededCap = true
            return 0
        }
        append(data, length)
        return length
    }

    private func append(_ data: UnsafeMutablePointer<CChar>, _ length: Int) {
        received += length
        guard keepsBody else { return }
        data.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
            body.append(contentsOf: UnsafeBufferPointer(start: bytes, count: length))
        }
    }

    /// One header line per call; a status line starts a new response (1xx, then the final one).
    private func receiveHeader(_ data: UnsafeMutablePointer<CChar>?, _ length: Int) -> Int {
        guard let data, length > 0 else { return length }
        let line = data.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }.trimmingCharacters(in: .whitespacesAndNewlines)
        if line.hasPrefix("HTTP/") {
            headers = []
            headerBytes = 0
            return length
        }
        guard let colon = line.firstIndex(of: ":"), headers.count < Self.maxHeaderCount,
              headerBytes + length <= Self.maxHeaderBytes else { return length }
        headerBytes += length
        let name = String(line[..<colon]).trimmingCharacters(in: .whitespaces)
        let value = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        headers.append(HTTPHeader(name, value))
        return length
    }

    // MARK: - After the transfer

    /// libcurl's message for a failed transfer: the error buffer, else the code's description.
    func errorMessage(_ code: CURLcode) -> String {
        let buffered = String(cString: errorBuffer).trimmingCharacters(in: .whitespacesAndNewlines)
        return buffered.isEmpty ? String(cString: curl_easy_strerror(code)) : buffered
    }

    var status: Int { Int(long(CURLINFO_RESPONSE_CODE)) }

    var connected: Bool { microseconds(CURLINFO_CONNECT_TIME_T) > 0 }

    var timings: HTTPTimings {
        HTTPTimings(
            dns: seconds(CURLINFO_NAMELOOKUP_TIME_T),
            connect: seconds(CURLINFO_CONNECT_TIME_T),
            tls: seconds(CURLINFO_APPCONNECT_TIME_T),
            firstByte: seconds(CURLINFO_STARTTRANSFER_TIME_T),
            total: seconds(CURLINFO_TOTAL_TIME_T)
        )
    }

    /// The absolute URL of the `Location` a 3xx named, resolved by libcurl.
    var redirectURL: String? { string(CURLINFO_REDIRECT_URL) }

    var remoteAddress: String? { string(CURLINFO_PRIMARY_IP) }

    /// The leaf certificate's `Expire date`, from libcurl's certificate information.
    var certificateNotAfter: Date? {
        var info: UnsafeMutablePointer<curl_certinfo>?
        guard greenlight_easy_getinfo_certinfo(handle, &info) == CURLE_OK, let info,
              info.pointee.num_of_certs > 0, let certificates = info.pointee.certinfo,
              let leaf = certificates[0] else { return nil }
        var node: UnsafeMutablePointer<curl_slist>? = leaf
        var steps = 0
        while let current = node, steps < 1000 {
            steps += 1
            if let data = current.pointee.data {
                let field = String(cString: data)
                if field.hasPrefix("Expire date:") {
                    return CertificateDate.parse(String(field.dropFirst("Expire date:".count)))
                }
            }
            node = current.pointee.next
        }
        return nil
    }

    private func long(_ info: CURLINFO) -> Int {
        var value = 0
        return greenlight_easy_getinfo_long(handle, info, &value) == CURLE_OK ? value : 0
    }

    private func microseconds(_ info: CURLINFO) -> Int64 {
        var value: curl_off_t = 0
        return greenlight_easy_getinfo_off_t(handle, info, &value) == CURLE_OK ? Int64(value) : 0
    }

    private func seconds(_ info: CURLINFO) -> Double { Double(microseconds(info)) / 1_000_000 }

    private func string(_ info: CURLINFO) -> String? {
        var value: UnsafeMutablePointer<CChar>?
        guard greenlight_easy_getinfo_string(handle, info, &value) == CURLE_OK, let value else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }
}

/// Certificate dates as libcurl's TLS backends print them: `Mar  4 12:00:00 2027 GMT`
/// (OpenSSL) or `2027-03-04 12:00:00 GMT`.
enum CertificateDate {
    static func parse(_ text: String) -> Date? {
        let collapsed = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        for format in ["MMM d HH:mm:ss yyyy zzz", "yyyy-MM-dd HH:mm:ss zzz"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = format
            if let date = formatter.date(from: collapsed) { return date }
        }
        return nil
    }
}
