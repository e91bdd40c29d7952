using FluentValidation.Results;

namespace Platform.Write.Customers.Import;

/// <summary>One data row read through the mapping: contact data and custom field values as written.</summary>
internal sealed record ImportCandidate(int Row, ContactInput Contact, Dictionary<string, string?> Fields, ImportMapping Mapping)
{
    public static ImportCandidate Read(int row, string?[] cells, ImportMapping mapping)
    {
        string? Cell(ColumnTarget c) => c.Index < cells.Length ? cells[c.Index]?.Trim() : null;
        IEnumerable<string?> All(string target) => mapping.Columns.Where(c => c.Target == target).Select(Cell);
        var name = string.Join(' ', All(ImportMapping.Name).Where(v => !string.IsNullOrWhiteSpace(v)));
        var contact = new ContactInput(name, [.. All(ImportMapping.Phone).Select(v => v ?? "")], [.. All(ImportMapping.Email).Select(v => v ?? "")],
            All(ImportMapping.Address).FirstOrDefault(), All(ImportMapping.Notes).FirstOrDefault());
        var fields = mapping.Columns.Where(c => c.Target.StartsWith(ImportMapping.FieldPrefix, StringComparison.Ordinal))
            .ToDictionary(c => c.Target[ImportMapping.FieldPrefix.Length..], Cell, StringComparer.Ordinal);
        return new ImportCandidate(row, contact, fields, mapping);
    }

    /// <summary>"Teléfono: no es un teléfono válido; ..." — failures named by the file's columns, as the person sees them.</summary>
    public string Reason(IEnumerable<ValidationFailure> failures) => string.Join(" ", failures.Select(f => $"{ColumnOf(f.PropertyName)}: {f.ErrorMessage}"));

    private string ColumnOf(string property)
    {
        var columns = Mapping.Columns;
        if (property.StartsWith("phones[", StringComparison.Ordinal) || property.StartsWith("emails[", StringComparison.Ordinal))
        {
            var target = property[0] == 'p' ? ImportMapping.Phone : ImportMapping.Email;
            var index = int.TryParse(property[7..^1], System.Globalization.CultureInfo.InvariantCulture, out var i) ? i : 0;
            return columns.Where(c => c.Target == target).ElementAtOrDefault(index)?.Header ?? property;
        }
        var mapped = property switch
        {
            "name" => ImportMapping.Name,
            "address" => ImportMapping.Address,
            "notes" => ImportMapping.Notes,
            _ => property,
        };
        return columns.FirstOrDefault(c => c.Target == mapped)?.Header ?? property;
    }
}
