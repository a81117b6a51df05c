using System.IO.Compression;
using System.Text;

namespace MigrantAid.Web.Infrastructure;

/// <summary>A file type the portal accepts, recognised from the file's bytes.</summary>
/// <param name="Label">Short name for messages and lists, e.g. "PDF", "DOCX".</param>
/// <param name="ContentType">The media type stored and sent on download.</param>
/// <param name="Extensions">Extensions a file of this type may carry (lower case, with the dot); the first is the usual one.</param>
public sealed record DetectedFileType(string Label, string ContentType, IReadOnlyList<string> Extensions)
{
    /// <summary>Does <paramref name="fileName"/>'s extension agree with the content? A name without an extension agrees.</summary>
    public bool AllowsName(string fileName)
    {
        var extension = Path.GetExtension(fileName);
        return string.IsNullOrEmpty(extension) || Extensions.Contains(extension.ToLowerInvariant());
    }
}

/// <summary>
/// Recognises uploads by their content, never by their name or the browser's content type:
/// PDF, PNG, JPEG, GIF, WebP, TIFF, Office Open XML (DOCX, XLSX, PPTX) and OpenDocument (ODT, ODS, ODP)
/// packages, which are ZIP archives told apart by their entries, and legacy Word/Excel files
/// (OLE compound files). Anything else, an executable renamed ".pdf" included, is not recognised.
/// </summary>
public static class FileTypeDetector
{
    public static readonly DetectedFileType Pdf = new("PDF", "application/pdf", [".pdf"]);
    public static readonly DetectedFileType Png = new("PNG", "image/png", [".png"]);
    public static readonly DetectedFileType Jpeg = new("JPEG", "image/jpeg", [".jpg", ".jpeg", ".jpe", ".jfif"]);
    public static readonly DetectedFileType Gif = new("GIF", "image/gif", [".gif"]);
    public static readonly DetectedFileType WebP = new("WebP", "image/webp", [".webp"]);
    public static readonly DetectedFileType Tiff = new("TIFF", "image/tiff", [".tif", ".tiff"]);
    public static readonly DetectedFileType Docx = new("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]);
    public static readonly DetectedFileType Xlsx = new("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"]);
    public static readonly DetectedFileType Pptx = new("PPTX", "application/vnd.openxmlformats-officedocument.presentationml.presentation", [".pptx"]);
    public static readonly DetectedFileType Odt = new("ODT", "application/vnd.oasis.opendocument.text", [".odt"]);
    public static readonly DetectedFileType Ods = new("ODS", "application/vnd.oasis.opendocument.spreadsheet", [".ods"]);
    public static readonly DetectedFileType Odp = new("ODP", "application/vnd.oasis.opendocument.presentation", [".odp"]);
    public static readonly DetectedFileType Doc = new("DOC", "application/msword", [".doc"]);
    public static readonly DetectedFileType Xls = new("XLS", "application/vnd.ms-excel", [".xls"]);

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Gif87 = "GIF87a"u8.ToArray();
    private static readonly byte[] Gif89 = "GIF89a"u8.ToArray();
    private static readonly byte[] Riff = "RIFF"u8.ToArray();
    private static readonly byte[] WebPTag = "WEBP"u8.ToArray();
    private static readonly byte[] TiffLittle = [0x49, 0x49, 0x2A, 0x00];
    private static readonly byte[] TiffBig = [0x4D, 0x4D, 0x00, 0x2A];
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] CompoundFileMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>Every type that can be accepted, for help texts.</summary>
    public static readonly IReadOnlyList<DetectedFileType> All = [Pdf, Png, Jpeg, Gif, WebP, Tiff, Docx, Xlsx, Pptx, Odt, Ods, Odp, Doc, Xls];

    /// <summary>
    /// The type of <paramref name="content"/>, or null when it is none of the accepted ones.
    /// <paramref name="fileName"/> only decides between the types that one content can be
    /// (a legacy compound file is a .doc or an .xls); it never makes unknown content acceptable.
    /// </summary>
    public static DetectedFileType? Detect(byte[] content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        var bytes = content.AsSpan();
        if (bytes.StartsWith(PdfMagic))
        {
            return Pdf;
        }

        if (bytes.StartsWith(PngMagic))
        {
            return Png;
        }

        if (bytes.StartsWith(JpegMagic))
        {
            return Jpeg;
        }

        if (bytes.StartsWith(Gif87) || bytes.StartsWith(Gif89))
        {
            return Gif;
        }

        if (bytes.Length >= 12 && bytes.StartsWith(Riff) && bytes[8..12].SequenceEqual(WebPTag))
        {
            return WebP;
        }

        if (bytes.StartsWith(TiffLittle) || bytes.StartsWith(TiffBig))
        {
            return Tiff;
        }

        if (bytes.StartsWith(ZipMagic))
        {
            return DetectPackage(content);
        }

        if (bytes.StartsWith(CompoundFileMagic))
        {
            // The compound file's header does not say what it holds; a name that agrees picks the type,
            // any other name is refused as contradicting the content.
            var extension = Path.GetExtension(fileName).ToLowerInvariant();
            return extension == ".xls" ? Xls : Doc;
        }

        return null;
    }

    /// <summary>A ZIP is accepted only as an Office Open XML or OpenDocument package, told by its entries.</summary>
    private static DetectedFileType? DetectPackage(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var mimetype = zip.GetEntry("mimetype");
            if (mimetype is not null)
            {
                return ReadSmallEntry(mimetype) switch
                {
                    "application/vnd.oasis.opendocument.text" => Odt,
                    "application/vnd.oasis.opendocument.spreadsheet" => Ods,
                    "application/vnd.oasis.opendocument.presentation" => Odp,
                    _ => null,
                };
            }

            if (zip.GetEntry("[Content_Types].xml") is null)
            {
                return null;
            }

            if (zip.GetEntry("word/document.xml") is not null)
            {
                return Docx;
            }

            if (zip.GetEntry("xl/workbook.xml") is not null)
            {
                return Xlsx;
            }

            if (zip.GetEntry("ppt/presentation.xml") is not null)
            {
                return Pptx;
            }

            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>The ODF "mimetype" entry is a few dozen bytes; read at most 128 so a crafted entry cannot blow up.</summary>
    private static string ReadSmallEntry(ZipArchiveEntry entry)
    {
        if (entry.Length > 128)
        {
            return "";
        }

        using var stream = entry.Open();
        var buffer = new byte[128];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = stream.Read(buffer, read, buffer.Length - read)) > 0)
        {
            read += n;
        }

        return Encoding.ASCII.GetString(buffer, 0, read).Trim();
    }
}
