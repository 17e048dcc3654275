namespace CommonGround.Core.DataRights;

public sealed record NotAllowedToDownload() : Error("Only the family can download everything held about a child");
public sealed record DownloadAlreadyPreparing() : Error("A download of this record is already being prepared for you. We will tell you when it is ready");
public sealed record DownloadNotFound() : NotFoundError("This download could not be found");
public sealed record DownloadNotReady() : Error("This download is still being prepared. We will tell you when it is ready");
public sealed record DownloadAlreadyTaken() : Error("This download has already been used, so the file is no longer kept. Prepare a new download if you need it again");
public sealed record DownloadExpired() : Error($"This download was kept for {RecordExport.DaysKept} days and has now been deleted. Prepare a new download if you need it");
public sealed record DownloadFailed() : Error("This download could not be prepared. Try preparing a new one");

public sealed record OnlyTheFamilyAsksForCorrections() : Error("Only the family can ask for words about their child to be corrected");
public sealed record CorrectableWordsNotFound() : NotFoundError("These words could not be found");
public sealed record SayWhatIsWrong() : Error("Say what is wrong with these words", "WhatIsWrong");
public sealed record CorrectionAlreadyWaiting() : Error("You have already asked for these words to be corrected. The answer is on its way");
public sealed record CorrectionNotFound() : NotFoundError("This request to correct words could not be found");
public sealed record NotYoursToAnswer() : Error("Only the person who wrote these words, or an admin of their organisation, can answer");
public sealed record CorrectionAlreadyAnswered() : Error("This request has already been answered");
public sealed record ChooseCorrectOrNot() : Error("Choose whether you will correct the words", "Correct");
public sealed record EnterCorrectedWords() : Error("Enter the corrected words", "CorrectedWords");
public sealed record CorrectedWordsUnchanged() : Error("The corrected words are the same as before. Change them, or say why you will not", "CorrectedWords");
public sealed record ExplainWhyNot() : Error("Say why you will not correct the words: the family will read it", "Explanation");

public sealed record NotYoursToClose() : Error("Only a professional of the local authority on the child's team can close or reopen their record");
public sealed record ChooseWhyClosed() : Error("Choose why the record is being closed", "Rule");
public sealed record SayWhyClosed() : Error("Say in a sentence why the record is being closed: the family will read it", "Note");
public sealed record RecordAlreadyClosed() : Error("This record is already closed");
public sealed record RecordNotClosed() : Error("This record is not closed");
public sealed record RecordIsClosed() : Error("This record is closed, so nothing new can be added to it. Ask the local authority's SEND team if it should be reopened");

public sealed record NotYoursToAskForErasure() : Error("Only a parent carer, or the young person once they decide for themself, can ask for the record to be erased");
public sealed record RecordAlreadyBeingErased(DateOnly EraseOn) : Error($"This record is already closed as opened by mistake, and will be erased on {Time.UkDates.Date(EraseOn)}");
public sealed record NobodyToAnswerErasure() : Error("Nobody from the local authority is on the team to answer a request to erase the record. Invite the local authority's SEND team to the team first");
public sealed record SayWhyErase() : Error("Say why you want the record erased", "Reason");
public sealed record ErasureAlreadyWaiting() : Error("A request to erase this record is already waiting for an answer");
public sealed record ErasureRequestNotFound() : NotFoundError("This request to erase the record could not be found");
public sealed record ErasureAlreadyAnswered() : Error("This request has already been answered");
public sealed record ChooseErasureAnswer() : Error("Choose your answer", "Answer");
public sealed record ExplainErasureAnswer() : Error("Say why the record is kept: the family will read it", "Explanation");
