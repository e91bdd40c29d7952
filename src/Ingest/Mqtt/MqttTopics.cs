namespace Platform.Ingest.Mqtt;

/// <summary>
/// Topic names (what a PUBLISH carries) and topic filters (what a SUBSCRIBE asks for), section 4.7,
/// plus shared subscriptions. MQTT 3.1.1 has none; mosquitto accepts <c>$share/{group}/{filter}</c>
/// from 3.1.1 clients too. It is lax about the group (it takes <c>$share//x</c>), so we apply
/// MQTT 5's rule: a non-empty group without <c>/</c>, <c>+</c> or <c>#</c>, then a valid filter.
/// </summary>
public static class MqttTopics
{
    public const string SharePrefix = "$share/";

    public static string? TopicNameProblem(string topic)
    {
        if (topic.Length == 0)
        {
            return "a topic name must not be empty";
        }

        if (topic.AsSpan().IndexOfAny('+', '#') >= 0)
        {
            return $"the topic name '{topic}' contains a wildcard";
        }

        return MqttStrings.Problem(topic) is { } problem ? $"the topic name {problem}" : null;
    }

    public static string? TopicFilterProblem(string filter)
    {
        if (filter.Length == 0)
        {
            return "a topic filter must not be empty";
        }

        if (MqttStrings.Problem(filter) is { } problem)
        {
            return $"the topic filter {problem}";
        }

        if (!IsShared(filter))
        {
            return WildcardProblem(filter);
        }

        var rest = filter.AsSpan(SharePrefix.Length);
        var slash = rest.IndexOf('/');
        var group = slash < 0 ? rest : rest[..slash];
        if (group.IsEmpty || group.IndexOfAny('+', '#') >= 0)
        {
            return $"the shared subscription '{filter}' needs a group name without wildcards: $share/{{group}}/{{filter}}";
        }

        if (slash < 0 || slash == rest.Length - 1)
        {
            return $"the shared subscription '{filter}' has no topic filter after its group";
        }

        return WildcardProblem(filter[(SharePrefix.Length + slash + 1)..]);
    }

    public static bool IsShared(string filter) => filter.StartsWith(SharePrefix, StringComparison.Ordinal);

    /// <summary>'+' must fill a whole level; '#' must fill the last level.</summary>
    private static string? WildcardProblem(string filter)
    {
        var levels = filter.Split('/');
        for (var i = 0; i < levels.Length; i++)
        {
            var level = levels[i];
            if (level.Contains('#', StringComparison.Ordinal) && (level.Length != 1 || i != levels.Length - 1))
            {
                return $"in the topic filter '{filter}', '#' must be a whole level and the last one";
            }

            if (level.Contains('+', StringComparison.Ordinal) && level.Length != 1)
            {
                return $"in the topic filter '{filter}', '+' must be a whole level";
            }
        }

        return null;
    }
}
