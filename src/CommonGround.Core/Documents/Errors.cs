namespace CommonGround.Core.Documents;

public sealed record DocumentNotFound() : NotFoundError("This document could not be found");
public sealed record NotAllowedToAddDocument() : Error("You do not have permission to add documents to this child's record");
public sealed record DocumentPartNotAllowed() : Error("Choose which part of the record it belongs to", "Part");
public sealed record DocumentTitleMissing() : Error("Say what the document is", "Title");
public sealed record DocumentFileMissing() : Error("Select a file", "File");
public sealed record DocumentEmpty() : Error("The selected file is empty", "File");
public sealed record DocumentTooLarge() : Error("The selected file must be smaller than 10 MB", "File");
public sealed record DocumentTypeNotAccepted() : Error($"The selected file must be a {DocumentTypes.Accepted}", "File");
public sealed record DocumentNotYours() : Error("Only the person who added a document can take it out");
