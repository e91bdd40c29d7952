using CsvHelper;

namespace Platform.Write.Customers.Import;

/// <summary>A CSV file in UTF-8, separated by commas, semicolons or tabs (detected: spreadsheets in Spanish export ';').</summary>
internal sealed class CsvFile : ITabularFile
{
    private static readonly CsvReaderOptions Options = new()
    {
        HasHeader = true,
        DetectSeparatorHint = true,
        TrimWhitespace = true,
        SkipEmptyLines = true,
        MalformedData = CsvMalformedDataHandling.Recover,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        MissingField = CsvMissingFieldHandling.ReturnEmpty,
        MaxRecordSize = 1024 * 1024,
    };

    private readonly string path;

    public CsvFile(string path)
    {
        this.path = path;
        using var csv = CsvReader.FromFile(path, Options);
        Headers = [.. csv.Headers ?? []];
        if (Headers.Count == 0) throw new InvalidDataException("The file has no header row.");
    }

    public IReadOnlyList<string> Headers { get; }

    public IEnumerable<string?[]> Rows()
    {
        using var csv = CsvReader.FromFile(path, Options);
        while (csv.Read())
        {
            var row = new string?[Headers.Count];
            var blank = true;
            for (var i = 0; i < Math.Min(csv.FieldCount, row.Length); i++)
            {
                row[i] = csv.GetString(i);
                blank &= string.IsNullOrWhiteSpace(row[i]);
            }
            if (!blank) yield return row;
        }
    }

    public void Dispose()
    {
    }
}
