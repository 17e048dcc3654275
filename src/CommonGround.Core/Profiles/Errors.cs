namespace CommonGround.Core.Profiles;

public sealed record NotAllowedForProfile() : Error("You do not have permission to change this part of the record");
public sealed record SectionChangedMeanwhile(string CurrentText, string? ChangedBy, DateTime? ChangedAt)
    : ChangedMeanwhileError($"{ChangedBy ?? "Someone"} changed this section while you were editing it. Their version is shown below; your words are still in the box. Check both, then save again", "Text");
public sealed record SuggestionUnchanged() : Error("Your suggestion is the same as the family's words. Change the text to suggest something different", "Text");
public sealed record SuggestionNotFound() : NotFoundError("This suggestion could not be found");
public sealed record SuggestionAlreadyDecided() : Error("This suggestion has already been accepted or declined");
