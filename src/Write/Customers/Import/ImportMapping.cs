using FluentValidation;
using FluentValidation.Results;

namespace Platform.Write.Customers.Import;

/// <summary>One column of the file and what it fills: name, phone, email, address, notes or fields.{key}.</summary>
public sealed record ColumnTarget(int Index, string Header, string Target);

/// <summary>Which column fills what. Several columns may fill name (joined), phone and email (each one more).</summary>
public sealed record ImportMapping(IReadOnlyList<ColumnTarget> Columns)
{
    public const string Name = "name";
    public const string Phone = "phone";
    public const string Email = "email";
    public const string Address = "address";
    public const string Notes = "notes";
    public const string Ignore = "ignore";
    public const string FieldPrefix = "fields.";

    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        ["nombre"] = Name, ["nombres"] = Name, ["name"] = Name, ["cliente"] = Name, ["nombre completo"] = Name, ["apellido"] = Name,
        ["apellidos"] = Name, ["razon social"] = Name, ["full name"] = Name,
        ["telefono"] = Phone, ["tel"] = Phone, ["celular"] = Phone, ["movil"] = Phone, ["whatsapp"] = Phone, ["phone"] = Phone, ["mobile"] = Phone,
        ["correo"] = Email, ["email"] = Email, ["e-mail"] = Email, ["mail"] = Email, ["correo electronico"] = Email,
        ["direccion"] = Address, ["domicilio"] = Address, ["address"] = Address,
        ["notas"] = Notes, ["nota"] = Notes, ["observaciones"] = Notes, ["comentarios"] = Notes, ["notes"] = Notes,
    };

    /// <summary>
    /// The mapping of <paramref name="headers"/>: as requested (header → target), or guessed from the headers'
    /// names and the fields' keys and labels. A bad request names "mapping.{header}".
    /// </summary>
    public static ImportMapping Resolve(IReadOnlyList<string> headers, IReadOnlyDictionary<string, string>? requested, IReadOnlyList<FieldDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(definitions);
        var failures = new List<ValidationFailure>();
        var columns = new List<ColumnTarget>();
        if (requested is { Count: > 0 })
        {
            foreach (var (header, target) in requested)
            {
                var index = headers.ToList().FindIndex(h => string.Equals(h.Trim(), header.Trim(), StringComparison.OrdinalIgnoreCase));
                if (index < 0) failures.Add(new($"mapping.{header}", "El archivo no tiene esa columna."));
                else if (!IsTarget(target, definitions)) failures.Add(new($"mapping.{header}", TargetMessage(definitions)));
                else if (target != Ignore) columns.Add(new(index, headers[index], target));
            }
        }
        else
        {
            columns.AddRange(headers.Select((h, i) => new ColumnTarget(i, h, Guess(h, definitions) ?? Ignore)).Where(c => c.Target != Ignore));
        }
        foreach (var twice in columns.Where(c => c.Target is Address or Notes || c.Target.StartsWith(FieldPrefix, StringComparison.Ordinal))
            .GroupBy(c => c.Target).Where(g => g.Count() > 1))
            failures.Add(new($"mapping.{twice.Last().Header}", $"Solo una columna puede llenar {twice.Key}."));
        if (!columns.Any(c => c.Target is Phone or Email))
            failures.Add(new("mapping", "Asigna al menos una columna a phone o email: sin ellos no se pueden reconocer clientes repetidos."));
        return failures.Count == 0 ? new ImportMapping(columns) : throw new ValidationException(failures);
    }

    private static bool IsTarget(string target, IReadOnlyList<FieldDefinition> definitions) =>
        target is Name or Phone or Email or Address or Notes or Ignore
        || (target.StartsWith(FieldPrefix, StringComparison.Ordinal) && definitions.Any(d => d.Key == target[FieldPrefix.Length..]));

    private static string TargetMessage(IReadOnlyList<FieldDefinition> definitions) =>
        "Debe ser name, phone, email, address, notes, ignore" + string.Concat(definitions.Select(d => $", {FieldPrefix}{d.Key}")) + ".";

    private static string? Guess(string header, IReadOnlyList<FieldDefinition> definitions)
    {
        var folded = Fold(header);
        if (Known.TryGetValue(folded, out var target)) return target;
        var field = definitions.FirstOrDefault(d => Fold(d.Key) == folded || Fold(d.Label) == folded);
        return field is null ? null : FieldPrefix + field.Key;
    }

    /// <summary>Lower-case, trimmed, without the accents of Spanish and Portuguese.</summary>
    public static string Fold(string text) =>
        new([.. (text ?? "").Trim().ToLowerInvariant().Select(c => c switch
        {
            'á' or 'à' or 'ä' or 'â' or 'ã' => 'a', 'é' or 'è' or 'ë' or 'ê' => 'e', 'í' or 'ì' or 'ï' or 'î' => 'i',
            'ó' or 'ò' or 'ö' or 'ô' or 'õ' => 'o', 'ú' or 'ù' or 'ü' or 'û' => 'u', 'ñ' => 'n', 'ç' => 'c', '_' => ' ',
            _ => c,
        })]);
}
