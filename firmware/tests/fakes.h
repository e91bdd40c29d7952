// Fakes of the HAL for host tests: a clock the test moves, a storage in a map, an MQTT client
// that records what the core asked of it.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "fw.h"

struct FakeStorage {
    std::map<std::string, std::vector<uint8_t>> blobs;
    bool fail_saves = false;
    fw_storage hal{};

    FakeStorage() {
        hal.ctx = this;
        hal.load = [](void *ctx, const char *key, void *buf, size_t cap) -> int {
            auto &blobs = static_cast<FakeStorage *>(ctx)->blobs;
            auto it = blobs.find(key);
            if (it == blobs.end() || it->second.size() > cap) return -1;
            std::copy(it->second.begin(), it->second.end(), static_cast<uint8_t *>(buf));
            return static_cast<int>(it->second.size());
        };
        hal.save = [](void *ctx, const char *key, const void *buf, size_t len) -> int {
            auto *self = static_cast<FakeStorage *>(ctx);
            if (self->fail_saves) return -1;
            auto *p = static_cast<const uint8_t *>(buf);
            self->blobs[key] = std::vector<uint8_t>(p, p + len);
            return 0;
        };
    }
};

struct Published {
    std::string topic;
    std::string payload;
    int qos;
    bool retain;
};

struct FakeBoard {
    uint32_t uptime = 1000;
    uint64_t epoch = 1767225600000ULL;  // 2026-01-01T00:00:00Z
    uint32_t random = 0;
    int connect_result = 0;
    int publish_result = 0;
    int connects = 0;
    int reboots = 0;
    std::vector<bool> relay_calls;
    fw_mqtt_session last_session{};
    std::vector<Published> published;
    std::vector<std::string> subscribed;
    fw_hal hal{};

    explicit FakeBoard(fw_storage *storage = nullptr, bool with_relay = true) {
        hal.clock = {this, [](void *c) { return static_cast<FakeBoard *>(c)->uptime; },
                     [](void *c) { return static_cast<FakeBoard *>(c)->epoch; },
                     [](void *c) { return static_cast<FakeBoard *>(c)->random; }};
        hal.storage = storage;
        hal.mqtt.ctx = this;
        hal.mqtt.connect = [](void *c, const fw_mqtt_session *s) {
            auto *self = static_cast<FakeBoard *>(c);
            self->connects++;
            self->last_session = *s;
            return self->connect_result;
        };
        hal.mqtt.publish = [](void *c, const char *topic, const void *payload, size_t len, int qos, bool retain) {
            auto *self = static_cast<FakeBoard *>(c);
            if (self->publish_result != 0) return self->publish_result;
            self->published.push_back({topic, std::string(static_cast<const char *>(payload), len), qos, retain});
            return 0;
        };
        hal.mqtt.subscribe = [](void *c, const char *topic, int) {
            static_cast<FakeBoard *>(c)->subscribed.push_back(topic);
            return 0;
        };
        hal.system.ctx = this;
        hal.system.reboot = [](void *c) { static_cast<FakeBoard *>(c)->reboots++; };
        hal.system.relay = with_relay ? +[](void *c, bool on) {
            static_cast<FakeBoard *>(c)->relay_calls.push_back(on);
            return 0;
        } : nullptr;
    }

    std::vector<Published> telemetry() const {
        std::vector<Published> out;
        for (const auto &p : published)
            if (p.topic.size() > 10 && p.topic.compare(p.topic.size() - 10, 10, "/telemetry") == 0) out.push_back(p);
        return out;
    }
};

// A seq or other unsigned member of a payload, -1 when absent.
inline long long json_number(const std::string &json, const std::string &key) {
    auto at = json.find("\"" + key + "\":");
    if (at == std::string::npos) return -1;
    return std::stoll(json.substr(at + key.size() + 3));
}
