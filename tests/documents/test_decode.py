import codecs

from hypothesis import given
from hypothesis import strategies as st

from etl.documents.decode import decode_bytes, looks_binary


def test_utf8_is_decoded_as_is_with_line_ends_kept():
    d = decode_bytes("Median OS 10·6 months\r\nnext".encode())
    assert d.text == "Median OS 10·6 months\r\nnext"
    assert d.encoding == "utf-8" and d.n_invalid_bytes == 0


def test_bom_is_kept_so_offsets_match_a_plain_utf8_decode():
    d = decode_bytes(codecs.BOM_UTF8 + b"Title")
    assert d.text == "\ufeffTitle" and d.encoding == "utf-8-sig"


def test_latin1_bytes_are_read_and_counted():
    d = decode_bytes("Hépatocellulaire, réponse 45 %".encode("latin-1"))
    assert d.text == "Hépatocellulaire, réponse 45 %"
    assert d.encoding == "utf-8+cp1252" and d.n_invalid_bytes == 2


def test_mixed_encodings_keep_the_utf8_parts():
    data = "naïve ".encode() + "caf\xe9".encode("latin-1") + " 10·6".encode()
    d = decode_bytes(data)
    assert d.text == "naïve café 10·6" and d.n_invalid_bytes == 1


def test_truncated_utf8_at_the_end_is_not_fatal():
    data = "survival 10·6".encode()[:-2]  # cut inside the two-byte middle dot
    d = decode_bytes(data)
    assert d.text.startswith("survival 10") and d.n_invalid_bytes == 1


def test_binary_and_empty_are_recognised():
    assert decode_bytes(b"").encoding == "empty"
    assert decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").encoding == "binary"
    assert looks_binary(bytes(range(0, 32)) * 10)


def test_utf16_with_bom():
    d = decode_bytes("Median OS".encode("utf-16"))
    assert d.text == "Median OS" and d.encoding == "utf-16"


@given(st.binary(max_size=400))
def test_any_bytes_decode_without_error(data):
    d = decode_bytes(data)
    assert isinstance(d.text, str)
    if d.encoding in ("utf-8", "utf-8-sig"):
        assert d.text == data.decode("utf-8")


@given(st.text(max_size=200))
def test_valid_utf8_round_trips(text):
    d = decode_bytes(text.encode())
    if not d.is_binary:
        assert d.text == text
