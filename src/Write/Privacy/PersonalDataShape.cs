using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Write.Privacy;

/// <summary>One <see cref="PersonalDataAttribute"/> property of an event: its JSON name and what it reads as once erased.</summary>
public sealed record PersonalField(string JsonName, Type Type)
{
    /// <summary>Strings read as <see cref="PersonalDataShape.Erased"/>, so deciders never meet a null they did not expect.</summary>
    public JsonNode? ErasedValue(JsonSerializerOptions options)
    {
        if (Type == typeof(string)) return JsonValue.Create(PersonalDataShape.Erased);
        if (!Type.IsValueType || Nullable.GetUnderlyingType(Type) is not null) return null;
        return JsonSerializer.SerializeToNode(Activator.CreateInstance(Type), Type, options);
    }
}

/// <summary>
/// Which properties of an event class hold personal data, and which one names their data subject.
/// Read once per class from the attributes, on the property or on a record's positional parameter.
/// </summary>
public sealed class PersonalDataShape
{
    /// <summary>What an erased string reads as, everywhere: stream reads, projections, audit history.</summary>
    public const string Erased = "[borrado]";

    private static readonly ConcurrentDictionary<Type, PersonalDataShape?> Shapes = new();

    private readonly PropertyInfo subject;

    private PersonalDataShape(PropertyInfo subject, IReadOnlyList<PersonalField> fields)
    {
        this.subject = subject;
        Fields = fields;
    }

    public IReadOnlyList<PersonalField> Fields { get; }

    /// <summary>The shape of <paramref name="type"/>, or null when it holds no personal data.</summary>
    public static PersonalDataShape? Of(Type type) => Shapes.GetOrAdd(type, Read);

    public Guid SubjectOf(object data)
    {
        var value = subject.GetValue(data);
        return value is Guid id && id != Guid.Empty
            ? id
            : throw new InvalidOperationException($"{data.GetType().Name} holds personal data but its data subject ({subject.Name}) is empty.");
    }

    private static PersonalDataShape? Read(Type type)
    {
        var parameters = type.GetConstructors().SelectMany(c => c.GetParameters()).ToArray();
        bool Marked<T>(PropertyInfo p) where T : Attribute =>
            p.IsDefined(typeof(T), false) ||
            parameters.Any(a => a.IsDefined(typeof(T), false) && string.Equals(a.Name, p.Name, StringComparison.Ordinal));

        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        var personal = properties.Where(Marked<PersonalDataAttribute>).ToArray();
        var subjects = properties.Where(Marked<DataSubjectAttribute>).ToArray();
        if (personal.Length == 0) return null;
        if (subjects.Length != 1 || (subjects[0].PropertyType != typeof(Guid) && subjects[0].PropertyType != typeof(Guid?)))
            throw new InvalidOperationException(
                $"{type.Name} has [PersonalData] properties, so it needs exactly one Guid property marked [DataSubject].");
        if (personal.Contains(subjects[0]))
            throw new InvalidOperationException($"{type.Name}.{subjects[0].Name} cannot be both the data subject and personal data.");
        var naming = JsonSerializerOptions.Web.PropertyNamingPolicy!;
        var fields = personal
            .Select(p => new PersonalField(
                p.GetCustomAttribute<System.Text.Json.Serialization.JsonPropertyNameAttribute>()?.Name ?? naming.ConvertName(p.Name),
                p.PropertyType))
            .ToArray();
        return new PersonalDataShape(subjects[0], fields);
    }
}
