// What c-ray renders: spheres with Phong materials, point lights, a camera,
// and the global options of c-ray's text scene format.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "workloads/common/vec3.h"

namespace corebench::cray {

struct Color {
  float r = 0, g = 0, b = 0;
};

struct Material {
  Color diffuse{1, 1, 1};
  Color specular{1, 1, 1};
  double shininess = 50;    // Phong exponent; 0 turns highlights off
  double reflectivity = 0;  // weight of the mirror ray
};

struct Sphere {
  Vec3 center;
  double radius = 1;
  Material material;
};

struct Light {
  Vec3 position;
  Color color{1, 1, 1};
};

struct Camera {
  Vec3 position;
  Vec3 target;
  double fov_degrees = 45;
};

struct Scene {
  std::vector<Sphere> spheres;
  std::vector<Light> lights;
  Camera camera;
  Color ambient{0.01f, 0.01f, 0.01f};
  Color background;
  double gamma = 2.2;
};

// A scene file that c-ray would read differently or not at all; the message
// names the line.
struct SceneError : std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

// c-ray's line format: '#' starts a comment; then one command a line:
//   s  x y z  radius  [r g b [shininess [reflectivity]]]
//   l  x y z  [r g b]
//   c  x y z  fov  tx ty tz
//   ?  gamma g | ambient r g b | bgcolor r g b | samples n
// Planes ('p'), named materials ('M') and refraction are not supported and
// are rejected, as is anything else. The "samples" option is accepted and
// ignored: the workload's own option says how many rays a pixel gets.
Scene parse_scene(std::string_view text);
Scene read_scene_file(const std::string& path);

// "sphfract", the scene C-Ray 2.0 benchmarks render: a sphere flake over a
// floor, under a ceiling, lit by two lights.
Scene sphere_flake_scene();

}  // namespace corebench::cray
