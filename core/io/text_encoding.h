// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: RiskAtlas developers
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace riskatlas::io {

/// Strict text decoding and encoding through the C library's iconv, for the encodings Chinese
/// county data comes in (Qt 6.4's QStringDecoder has no GBK). All functions are thread-safe
/// (each call opens its own iconv descriptor).
///
/// Encoding names are canonical names as returned by canonicalEncoding(): "UTF-8", "GBK",
/// "GB18030", "BIG5", "CP949", "ISO-8859-1", "CP1252", "CP437", "CP850", … Any name that
/// canonicalEncoding() accepts may be passed; an unknown name throws InputError (without a
/// location: the caller knows which file it is about).

/// Decodes `bytes`, or nullopt when any byte sequence is invalid or incomplete in `encoding`
/// (never inserts replacement characters). A UTF-8 byte order mark is not removed.
/// "GBK" is decoded as GB18030 (its superset, so rare characters still decode), falling back to
/// Microsoft's CP936 for the single byte 0x80 (the euro sign).
std::optional<QString> decodeStrict(const QByteArray &bytes, const QString &encoding);

/// Byte offset of the first invalid or incomplete sequence of `bytes` in `encoding`, or -1
/// when the whole array decodes. For error messages ("invalid byte 0xFF at offset 1234").
qsizetype invalidByteOffset(const QByteArray &bytes, const QString &encoding);

/// Encodes `text`, or nullopt when a character is not representable in `encoding`
/// (never substitutes "?"). "GBK" encodes to two-byte GBK only (no GB18030 four-byte forms).
std::optional<QByteArray> encodeStrict(const QString &text, const QString &encoding);

/// Maps a user-, .cpg- or code-page-style name to its canonical name, case-insensitively:
/// "utf8"/"65001" → "UTF-8"; "cp936"/"936"/"gb2312"/"ANSI 936"/"MS936" → "GBK"; "54936" →
/// "GB18030"; "cp950"/"950" → "BIG5"; "949"/"UHC"/"EUC-KR" → "CP949"; "latin1"/"88591"/"8859_1"
/// → "ISO-8859-1"; "1252"/"ANSI 1252"/"windows-1252" → "CP1252"; other Windows code pages
/// "NNN"/"cpNNN"/"ANSI NNN" → "CPNNN". Other names the C library's iconv knows are returned
/// upper-cased. Throws InputError ("unknown text encoding …") for anything else.
QString canonicalEncoding(const QString &userName);

/// The encoding a dBASE header's language driver id (byte 29) names, or nullopt when it names
/// none or the writer's "current system code page" (0x00, 0x57) or an unknown id.
/// 0x01 CP437, 0x02 CP850, 0x03 CP1252, 0x4D/0x7A GBK, 0x4E CP949, 0x4F BIG5, ….
std::optional<QString> encodingFromDbfLanguageId(quint8 ldid);

/// The encoding a shapefile's .cpg file names (its whole content; whitespace is trimmed), as a
/// canonical name. Throws InputError for an empty or unknown name.
QString encodingFromCpg(const QByteArray &cpgContent);

/// Result of detectEncoding(): an empty `encoding` means none of UTF-8 or GBK decodes every
/// sample, and the caller should ask the user for one.
struct EncodingGuess
{
    QString encoding;
    bool ascii = false; ///< Every sample was plain ASCII (the encoding is then "UTF-8").
};

/// Guesses the encoding of text samples (whole values or whole files; a sample that is cut
/// inside a multi-byte character counts as invalid). A leading UTF-8 byte order mark is ignored.
/// All ASCII → UTF-8 (ascii = true); every sample valid UTF-8 → "UTF-8"; else every sample valid
/// GB18030 → "GBK"; else an empty encoding.
EncodingGuess detectEncoding(const QList<QByteArray> &samples);

/// Whether `bytes` starts with the UTF-8 byte order mark EF BB BF.
bool hasUtf8Bom(const QByteArray &bytes);

} // namespace riskatlas::io
