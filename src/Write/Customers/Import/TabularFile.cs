namespace Platform.Write.Customers.Import;

/// <summary>A file of rows under a header row, read as a stream: rows are yielded one at a time, never all held.</summary>
public interface ITabularFile : IDisposable
{
    IReadOnlyList<string> Headers { get; }

    /// <summary>Data rows in order; a row shorter than the header has nulls for the missing cells.</summary>
    IEnumerable<string?[]> Rows();
}

public static class TabularFiles
{
    public const string Csv = "csv";
    public const string Xlsx = "xlsx";

    /// <summary>The format of an upload by its name, then by its first bytes (an XLSX is a zip: "PK").</summary>
    public static string? FormatOf(string fileName, ReadOnlySpan<byte> start)
    {
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (extension == ".xlsx") return Xlsx;
        if (extension is ".csv" or ".txt") return Csv;
        return start.Length >= 2 && start[0] == (byte)'P' && start[1] == (byte)'K' ? Xlsx : null;
    }

    /// <summary>Opens the file; a file that is not what it says is a validation error on "file".</summary>
    public static ITabularFile Open(string path, string format)
    {
        try
        {
            return format == Xlsx ? new XlsxFile(path) : new CsvFile(path);
        }
        catch (Exception error) when (error is InvalidDataException or IOException or FormatException
            or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or CsvHelper.CsvFormatException)
        {
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure(
                "file", format == Xlsx ? "No es un archivo XLSX legible." : "No es un archivo CSV legible.")]);
        }
    }
}
