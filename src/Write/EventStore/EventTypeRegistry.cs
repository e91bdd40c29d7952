using System.Text.RegularExpressions;

namespace Platform.Write.EventStore;

/// <summary>
/// Maps event classes to stable, versioned names (<c>pipeline.opportunity-moved.v1</c>).
/// Stored events never carry CLR names, so classes can be renamed and moved freely.
/// </summary>
public sealed partial class EventTypeRegistry
{
    private readonly Dictionary<Type, string> _names = [];
    private readonly Dictionary<string, Type> _types = new(StringComparer.Ordinal);

    public EventTypeRegistry Register<TEvent>(string name) where TEvent : class => Register(typeof(TEvent), name);

    public EventTypeRegistry Register(Type type, string name)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!NamePattern().IsMatch(name))
            throw new ArgumentException($"'{name}' is not a versioned event name such as 'pipeline.opportunity-moved.v1'.", nameof(name));
        lock (_names)
        {
            if (_types.TryGetValue(name, out var existing) && existing != type)
                throw new ArgumentException($"'{name}' is already registered for {existing.Name}.", nameof(name));
            if (_names.TryGetValue(type, out var existingName) && existingName != name)
                throw new ArgumentException($"{type.Name} is already registered as '{existingName}'.", nameof(type));
            _names[type] = name;
            _types[name] = type;
        }
        return this;
    }

    public bool TryGetName(Type type, out string name) => _names.TryGetValue(type, out name!);

    public bool TryGetType(string name, out Type type) => _types.TryGetValue(name, out type!);

    public IReadOnlyCollection<string> Names => _types.Keys;

    [GeneratedRegex("^[a-z][a-z0-9]*(\\.[a-z0-9]+(-[a-z0-9]+)*)+\\.v[1-9][0-9]*$")]
    private static partial Regex NamePattern();
}
