using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace Platform.Write.Privacy;

/// <summary>An event about to be stored whose class has personal data.</summary>
public sealed record PersonalEvent(Guid TenantId, object Data);

/// <summary>
/// Encrypts the personal fields of events on their way into the store, and opens them on the way
/// out. Every other property stays as it was, so projections and queries on them keep working.
/// </summary>
public sealed class PersonalDataProtector(SubjectKeyring keyring)
{
    public SubjectKeyring Keyring => keyring;

    public static bool HasPersonalData(object data) => PersonalDataShape.Of(data.GetType()) is not null;

    /// <summary>
    /// The stored JSON of <paramref name="events"/>, keys created on <paramref name="connection"/> in
    /// <paramref name="transaction"/>; <paramref name="beforeFirstWrite"/> runs once before the first key
    /// is written (the stream locks, which must precede the transaction's first write). Run the
    /// returned action once the transaction has committed: it caches the keys.
    /// </summary>
    public async Task<(string[] Json, Action Committed)> ProtectAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyList<PersonalEvent> events,
        Func<Task>? beforeFirstWrite, JsonSerializerOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(events);
        var subjects = events.Select(e => (e.TenantId, Subject: PersonalDataShape.Of(e.Data.GetType())!.SubjectOf(e.Data))).ToArray();
        var keys = new Dictionary<(Guid, Guid), byte[]?>();
        var missing = new List<(Guid TenantId, Guid Subject)>();
        foreach (var subject in subjects.Distinct())
        {
            if (keyring.Cache.TryGet(subject.TenantId, subject.Subject, out var cached)) keys[subject] = cached;
            else missing.Add(subject);
        }
        var fresh = new List<(Guid, Guid, byte[]?)>();
        if (missing.Count > 0)
        {
            if (beforeFirstWrite is not null) await beforeFirstWrite();
            foreach (var tenant in missing.GroupBy(m => m.TenantId))
            {
                var found = await keyring.EnsureAsync(connection, transaction, tenant.Key, tenant.Select(m => m.Subject).ToArray(), ct);
                foreach (var (subject, key) in found)
                {
                    keys[(tenant.Key, subject)] = key;
                    fresh.Add((tenant.Key, subject, key));
                }
            }
        }
        var json = new string[events.Count];
        for (var i = 0; i < events.Count; i++)
            json[i] = Seal(events[i].Data, subjects[i].TenantId, subjects[i].Subject, keys[subjects[i]], options);
        return (json, () => fresh.ForEach(f => keyring.Cache.Remember(f.Item1, f.Item2, f.Item3)));
    }

    /// <summary>Seals with cached keys only, no database; false (nothing sealed) when a subject's key is not cached.</summary>
    public bool TrySealCached(IReadOnlyList<PersonalEvent> events, JsonSerializerOptions options, out string[] json)
    {
        ArgumentNullException.ThrowIfNull(events);
        json = new string[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var (tenantId, data) = (events[i].TenantId, events[i].Data);
            var subject = PersonalDataShape.Of(data.GetType())!.SubjectOf(data);
            if (!keyring.Cache.TryGet(tenantId, subject, out var key)) return false;
            json[i] = Seal(data, tenantId, subject, key, options);
        }
        return true;
    }

    /// <summary>The event's JSON with each personal field sealed; erased in clear when the subject is forgotten (no key).</summary>
    public static string Seal(object data, Guid tenantId, Guid subjectId, byte[]? key, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        var shape = PersonalDataShape.Of(data.GetType())!;
        var node = JsonSerializer.SerializeToNode(data, data.GetType(), options)!.AsObject();
        foreach (var field in shape.Fields)
        {
            if (!node.TryGetPropertyValue(field.JsonName, out var value)) continue;
            node[field.JsonName] = key is null
                ? field.ErasedValue(options)
                : PersonalDataEnvelope.Seal(key, tenantId, subjectId, field.JsonName, value);
        }
        return node.ToJsonString(options);
    }

    /// <summary>
    /// Opens each sealed field of <paramref name="node"/> in place; a field whose key is gone (or that
    /// no key ring can reach) reads as erased. A value that does not authenticate throws: fail closed.
    /// </summary>
    public static void Reveal(JsonObject node, PersonalDataShape shape, PersonalDataProtector? protector, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(shape);
        foreach (var field in shape.Fields)
        {
            if (!node.TryGetPropertyValue(field.JsonName, out var value)) continue;
            if (!PersonalDataEnvelope.TryRead(value, out var tenantId, out var subjectId, out var sealedBytes)) continue;
            var key = protector?.Keyring.Find(tenantId, subjectId);
            node[field.JsonName] = key is null
                ? field.ErasedValue(options)
                : PersonalDataEnvelope.Open(key, tenantId, subjectId, field.JsonName, sealedBytes);
        }
    }
}
