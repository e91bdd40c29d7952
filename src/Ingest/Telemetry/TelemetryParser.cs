using System.Text.Json;
using System.Text.RegularExpressions;

namespace Platform.Ingest.Telemetry;

/// <summary>
/// Reads <c>{"boot":B,"seq":S,"ts":T,"first":F?,"readings":[{"sensor":..,"value":..,"unit":..}]}</c>.
/// Boot and seq come first: once they are readable every other fault is a refusal of that message,
/// recorded and acknowledged, so a device never resends it forever. Unknown members are ignored.
/// </summary>
public static partial class TelemetryParser
{
    public const int MaxReadings = 16;
    private static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 8 };

    public static TelemetryPayload Parse(ReadOnlyMemory<byte> payload, int maxBytes, DateTimeOffset now)
    {
        if (payload.Length > maxBytes)
            return new TelemetryPayload.Malformed(RejectReasons.TooLarge, "payload", $"El mensaje supera {maxBytes} bytes.");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload, Options);
        }
        catch (JsonException)
        {
            return new TelemetryPayload.Malformed(RejectReasons.Malformed, "payload", "No es JSON válido.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return new TelemetryPayload.Malformed(RejectReasons.Malformed, "payload", "Debe ser un objeto JSON.");
            if (Whole(root, "boot", 0) is not { } boot)
                return new TelemetryPayload.Malformed(RejectReasons.Sequence, "boot", $"Debe ser un entero entre 0 y {uint.MaxValue}.");
            if (Whole(root, "seq", 1) is not { } seq)
                return new TelemetryPayload.Malformed(RejectReasons.Sequence, "seq", $"Debe ser un entero entre 1 y {uint.MaxValue}.");
            return Content(root, boot, seq, now);
        }
    }

    private static TelemetryPayload Content(JsonElement root, long boot, long seq, DateTimeOffset now)
    {
        long? first = null;
        if (root.TryGetProperty("first", out _))
        {
            if (Whole(root, "first", 1) is not { } f || f > seq)
                return new TelemetryPayload.Refused(boot, seq, null, RejectReasons.First, "first", "Debe ser un entero entre 1 y seq.");
            first = f;
        }
        TelemetryPayload.Refused Refuse(string reason, string field, string message) => new(boot, seq, first, reason, field, message);

        if (Whole(root, "ts", 0, long.MaxValue) is not { } ts)
            return Refuse(RejectReasons.Timestamp, "ts", "Debe ser un entero: milisegundos Unix, o 0 si el dispositivo no sabe la hora.");
        var measured = now;
        if (ts != 0)
        {
            measured = ts <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds() ? DateTimeOffset.FromUnixTimeMilliseconds(ts) : DateTimeOffset.MaxValue;
            if (measured < Earliest || measured > now.AddDays(1))
                return Refuse(RejectReasons.Timestamp, "ts", "La hora está fuera de rango (antes de 2000 o más de un día en el futuro).");
        }

        if (!root.TryGetProperty("readings", out var readings) || readings.ValueKind != JsonValueKind.Array
            || readings.GetArrayLength() is 0 or > MaxReadings)
            return Refuse(RejectReasons.Readings, "readings", $"Debe ser una lista de 1 a {MaxReadings} lecturas.");
        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var units = new Dictionary<string, string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var reading in readings.EnumerateArray())
        {
            var field = $"readings[{index++}]";
            if (reading.ValueKind != JsonValueKind.Object) return Refuse(RejectReasons.Readings, field, "Debe ser un objeto.");
            if (!reading.TryGetProperty("sensor", out var sensor) || sensor.ValueKind != JsonValueKind.String || !SensorName().IsMatch(sensor.GetString()!))
                return Refuse(RejectReasons.Readings, field + ".sensor", "Letras, dígitos, _, . o -; de 1 a 32 caracteres.");
            var name = sensor.GetString()!;
            if (values.ContainsKey(name)) return Refuse(RejectReasons.Readings, field + ".sensor", "El sensor se repite en el mensaje.");
            if (!reading.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
                return Refuse(RejectReasons.Readings, field + ".value", "Debe ser un número.");
            var unit = "";
            if (reading.TryGetProperty("unit", out var unitElement))
            {
                if (unitElement.ValueKind != JsonValueKind.String || unitElement.GetString()!.Length > 16 || unitElement.GetString()!.Any(char.IsControl))
                    return Refuse(RejectReasons.Readings, field + ".unit", "Hasta 16 caracteres sin caracteres de control.");
                unit = unitElement.GetString()!;
            }
            values[name] = number;
            units[name] = unit;
        }
        return new TelemetryPayload.Reading(boot, seq, first, measured, values, units);
    }

    private static long? Whole(JsonElement root, string name, long min, long max = uint.MaxValue) =>
        root.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var value)
            && value >= min && value <= max ? value : null;

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,32}$")]
    private static partial Regex SensorName();
}
