namespace Platform.Write.Customers;

/// <summary>A custom field of the tenant's customers; its key and type never change, so stored values keep their meaning.</summary>
public sealed record CustomFieldDefined(Guid FieldId, string Key, string Label, string Type, bool Required, int Position, IReadOnlyList<string> Options);

public sealed record CustomFieldChanged(Guid FieldId, string Label, bool Required, int Position, IReadOnlyList<string> Options);

/// <summary>The field is no longer asked for or shown; values customers had stay in their streams.</summary>
public sealed record CustomFieldRemoved(Guid FieldId);

public static class CustomFieldStreams
{
    public const string DefinedName = "customers.custom-field-defined.v1";
    public const string ChangedName = "customers.custom-field-changed.v1";
    public const string RemovedName = "customers.custom-field-removed.v1";

    public static string Field(Guid fieldId) => $"custom-field-{fieldId:D}";
}
