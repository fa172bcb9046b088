// Binary files: MappedFile maps a real file and reads one GDAL cannot map, with the same bytes either way, and
// a mapping outlives the file being replaced beside it.
#include "io/binary_file.h"

#include <cpl_vsi.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "core/error.h"
#include "test_support.h"

namespace circatlas::io {
namespace {

std::string textOf(const MappedFile& file) {
  return {reinterpret_cast<const char*>(file.bytes().data()), file.bytes().size()};
}

TEST(MappedFile, MapsARealFileAndReadsAVirtualOneWithTheSameBytes) {
  test::TempDir dir;
  std::string content;
  for (int i = 0; i < 100000; ++i) content += static_cast<char>('a' + i % 26);
  content += '\0';
  content += "tail";
  const auto path = test::writeFile(dir / "data.bin", content);
  const MappedFile mapped(path.string());
  EXPECT_TRUE(mapped.mapped());
  EXPECT_EQ(textOf(mapped), content);
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(mapped.bytes().data()) % 8, 0U);

  const std::string virtualPath = "/vsimem/mapped_file_test.bin";
  VSILFILE* f = VSIFOpenL(virtualPath.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  ASSERT_EQ(VSIFWriteL(content.data(), 1, content.size(), f), content.size());
  VSIFCloseL(f);
  {
    const MappedFile read(virtualPath);
    EXPECT_FALSE(read.mapped());
    EXPECT_EQ(textOf(read), content);
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(read.bytes().data()) % 8, 0U);
  }
  VSIUnlink(virtualPath.c_str());
}

TEST(MappedFile, EmptyFileHasNoBytesAndAMissingOneIsNamed) {
  test::TempDir dir;
  EXPECT_TRUE(MappedFile(test::writeFile(dir / "empty.bin", "").string()).bytes().empty());
  const std::string missing = (dir / "missing.bin").string();
  try {
    (void)MappedFile(missing);
    FAIL() << "no error";
  } catch (const core::IoError& e) {
    EXPECT_NE(std::string(e.what()).find(missing), std::string::npos) << e.what();
  }
}

TEST(MappedFile, KeepsItsBytesWhenTheFileIsReplacedBesideIt) {
  test::TempDir dir;
  const auto path = test::writeFile(dir / "data.bin", std::string(20000, 'o'));
  const MappedFile mapped(path.string());
  {
    StagedBinaryFile replacement(path);
    const std::string other(30000, 'n');
    replacement.write(std::as_bytes(std::span(other.data(), other.size())));
    replacement.commit();
  }
  EXPECT_EQ(textOf(mapped), std::string(20000, 'o'));
  EXPECT_EQ(textOf(MappedFile(path.string())), std::string(30000, 'n'));
}

}  // namespace
}  // namespace circatlas::io
