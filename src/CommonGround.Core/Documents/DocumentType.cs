using System.IO.Compression;

namespace CommonGround.Core.Documents;

/// <summary>The kinds of file a record keeps: reports and letters as PDF or Word, and photos or scans as images.</summary>
public enum DocumentType
{
    Pdf,
    Word,
    Png,
    Jpeg,
}

/// <summary>
/// What a file is, told from its first bytes (and, for Word, the parts inside it), never from its name or from what the
/// browser says it is: a renamed program is not a PDF because it ends in ".pdf".
/// </summary>
public static class DocumentTypes
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public const string Accepted = "PDF, Word (.docx), PNG or JPEG";

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    public static string ContentType(this DocumentType type) => type switch
    {
        DocumentType.Pdf => "application/pdf",
        DocumentType.Word => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        DocumentType.Png => "image/png",
        _ => "image/jpeg",
    };

    public static string Extension(this DocumentType type) => type switch
    {
        DocumentType.Pdf => ".pdf",
        DocumentType.Word => ".docx",
        DocumentType.Png => ".png",
        _ => ".jpg",
    };

    public static string ToDisplayName(this DocumentType type) => type switch
    {
        DocumentType.Pdf => "PDF",
        DocumentType.Word => "Word document",
        DocumentType.Png => "Image (PNG)",
        _ => "Image (JPEG)",
    };

    /// <summary>The type the bytes are, or null if they are none the record keeps.</summary>
    public static DocumentType? Detect(byte[] bytes)
    {
        ReadOnlySpan<byte> head = bytes;
        if (head.StartsWith("%PDF-"u8))
        {
            return DocumentType.Pdf;
        }

        if (head.StartsWith(PngSignature))
        {
            return DocumentType.Png;
        }

        if (head.StartsWith(JpegSignature))
        {
            return DocumentType.Jpeg;
        }

        return head.StartsWith("PK\u0003\u0004"u8) && IsWordDocument(bytes) ? DocumentType.Word : null;
    }

    /// <summary>A .docx is a zip holding a Word main part; any other zip (a spreadsheet, a bundle of files) is not one.</summary>
    private static bool IsWordDocument(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            return zip.GetEntry("[Content_Types].xml") is not null && zip.GetEntry("word/document.xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
