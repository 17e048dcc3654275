using CommonGround.Core.DataRights;

namespace CommonGround.Web.Pages.Shared;

/// <summary>A person's downloads on the page where they asked for them: a child's record, or their own account.</summary>
public sealed record DownloadsView(IReadOnlyList<RecordExport> Downloads, DateTime Now, string Page)
{
    public bool IsPreparing => Downloads.Any(d => d.StatusAt(Now) == RecordExportStatus.Preparing);

    /// <summary>The file's own address: it works once, for the person who asked.</summary>
    public string FileLink(RecordExport download) => $"{Page}?handler=File&exportId={download.Id}";
}
