// Test support: road networks drawn as ASCII maps, parsed into a GraphBuilder.
//
//   A---B>>>C      Upper-case letters are nodes, 100 m apart per character (x east, y north).
//   |   ^   v      '-' and '|' runs are two-way edges; a run holding '>' or '<' (horizontal) or
//   D===E   F      'v' or '^' (vertical) is one-way that way; '=' marks a trunk road (30 m/s instead of
//                  10 m/s). Edge length = straight distance between the nodes; cost 0.5 CNY/t per km.
#pragma once

#include <cmath>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/network/graph_builder.h"

namespace circatlas::test {

struct AsciiMap {
  static constexpr double kCellMeters = 100.0;
  static constexpr double kLocalSpeed = 10.0;  // m/s
  static constexpr double kTrunkSpeed = 30.0;  // m/s
  static constexpr double kCostPerKm = 0.5;    // CNY/t per km

  analysis::network::GraphBuilder builder;
  std::map<char, analysis::network::NodeId> nodes;
  std::map<char, core::XY> positions;
  std::vector<analysis::network::InputEdge> edges;  // as added, for reference computations

  [[nodiscard]] analysis::network::NodeId node(char name) const { return nodes.at(name); }
  [[nodiscard]] core::XY xy(char name) const { return positions.at(name); }

  /// Adds an edge with the map's speed and cost rules (also used by the parser).
  void addEdge(char from, char to, bool oneway, bool trunk = false) {
    const core::XY a = xy(from);
    const core::XY b = xy(to);
    const double meters = std::hypot(b.x - a.x, b.y - a.y);
    addEdge({node(from), node(to), analysis::network::Meters(meters),
             analysis::network::Seconds(meters / (trunk ? kTrunkSpeed : kLocalSpeed)),
             analysis::network::YuanPerTonne(meters / 1000.0 * kCostPerKm), oneway, std::nullopt});
  }
  void addEdge(const analysis::network::InputEdge& edge) {
    edges.push_back(edge);
    builder.addEdge(edge);
  }

  static AsciiMap parse(std::string_view text) {
    std::vector<std::string> rows;
    for (std::size_t start = 0; start <= text.size();) {
      const std::size_t end = std::min(text.find('\n', start), text.size());
      rows.emplace_back(text.substr(start, end - start));
      start = end + 1;
    }
    auto at = [&](std::size_t r, std::size_t c) { return r < rows.size() && c < rows[r].size() ? rows[r][c] : ' '; };
    auto isNode = [](char ch) { return ch >= 'A' && ch <= 'Z'; };
    AsciiMap map;
    for (std::size_t r = 0; r < rows.size(); ++r) {
      for (std::size_t c = 0; c < rows[r].size(); ++c) {
        const char ch = rows[r][c];
        if (!isNode(ch)) continue;
        if (map.nodes.count(ch)) throw std::invalid_argument(std::string("node drawn twice: ") + ch);
        map.positions[ch] = {static_cast<double>(c) * kCellMeters, -static_cast<double>(r) * kCellMeters};
        map.nodes[ch] = map.builder.addNode(map.positions[ch]);
      }
    }
    // Follow runs to the right of and below every node.
    for (std::size_t r = 0; r < rows.size(); ++r) {
      for (std::size_t c = 0; c < rows[r].size(); ++c) {
        const char from = rows[r][c];
        if (!isNode(from)) continue;
        for (int direction = 0; direction < 2; ++direction) {
          const std::string_view marks = direction == 0 ? "-<>=" : "|v^";
          std::size_t rr = r, cc = c;
          std::string run;
          for (;;) {
            direction == 0 ? ++cc : ++rr;
            const char ch = at(rr, cc);
            if (marks.find(ch) == std::string_view::npos) break;
            run += ch;
          }
          const char to = at(rr, cc);
          if (run.empty() || !isNode(to)) continue;
          const bool trunk = run.find('=') != std::string::npos;
          if (run.find_first_of(">v") != std::string::npos) {
            map.addEdge(from, to, true, trunk);
          } else if (run.find_first_of("<^") != std::string::npos) {
            map.addEdge(to, from, true, trunk);
          } else {
            map.addEdge(from, to, false, trunk);
          }
        }
      }
    }
    return map;
  }
};

}  // namespace circatlas::test
