namespace CommonGround.Core.DataRights;

public sealed record NotAllowedToDownload() : Error("Only the family can download everything held about a child");
public sealed record DownloadAlreadyPreparing() : Error("A download of this record is already being prepared for you. We will tell you when it is ready");
public sealed record DownloadNotFound() : NotFoundError("This download could not be found");
public sealed record DownloadNotReady() : Error("This download is still being prepared. We will tell you when it is ready");
public sealed record DownloadAlreadyTaken() : Error("This download has already been used, so the file is no longer kept. Prepare a new download if you need it again");
public sealed record DownloadExpired() : Error($"This download was kept for {RecordExport.DaysKept} days and has now been deleted. Prepare a new download if you need it");
public sealed record DownloadFailed() : Error("This download could not be prepared. Try preparing a new one");
